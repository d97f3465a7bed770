package org.quizdesk.interchange;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML document read into a small tree that remembers each element's line, for messages that point into the
 * source file. Read with the JDK's StAX parser with DTDs and external entities off, so a file cannot make the
 * importer read local files or fetch URLs (XXE) or expand entities without bound.
 */
final class XmlTree {

    private XmlTree() {
    }

    /** One element: its local name (namespaces ignored: the formats use one each), attributes, children, text. */
    record Element(String name, Map<String, String> attributes, List<Element> children, String text, int line,
            List<Object> content) {

        /** The element's content as HTML again (QTI's item bodies are XHTML), child elements included. */
        String innerHtml() {
            StringBuilder html = new StringBuilder();
            for (Object part : content) {
                if (part instanceof Element e) {
                    html.append(e.outerHtml());
                } else {
                    html.append(escape((String) part));
                }
            }
            return html.toString();
        }

        String outerHtml() {
            StringBuilder html = new StringBuilder("<").append(name);
            attributes.forEach((k, v) -> html.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
            return html.append('>').append(innerHtml()).append("</").append(name).append('>').toString();
        }

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        List<Element> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** Every element below this one with the name, in document order. */
        List<Element> descendants(String descendantName) {
            List<Element> found = new ArrayList<>();
            for (Element c : children) {
                if (c.name.equals(descendantName)) {
                    found.add(c);
                }
                found.addAll(c.descendants(descendantName));
            }
            return found;
        }

        String attribute(String attributeName) {
            return attributes.get(attributeName);
        }

        /** The text of the child's {@code <text>} (Moodle's way), or of the child itself; "" when absent. */
        String childText(String childName) {
            return child(childName).map(c -> c.child("text").map(Element::text).orElse(c.text)).orElse("");
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static Element parse(byte[] xml, String fileName) throws ImportException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            List<Builder> open = new ArrayList<>();
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new ImportException(fileName, reader.getLocation().getLineNumber(),
                            "the file declares a DTD (<!DOCTYPE ...>), which is not read for safety; remove it");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ImportException(fileName,
                            reader.getLocation().getLineNumber(), "unknown entity &" + reader.getLocalName() + ";");
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        open.add(new Builder(reader.getLocalName(), attributes, reader.getLocation().getLineNumber()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.get(open.size() - 1).text(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element done = open.remove(open.size() - 1).build();
                        if (open.isEmpty()) {
                            root = done;
                        } else {
                            open.get(open.size() - 1).child(done);
                        }
                    }
                    default -> {
                        // comments and processing instructions carry nothing to import
                    }
                }
            }
            if (root == null) {
                throw new ImportException(fileName, 1, "the file has no XML element");
            }
            return root;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            throw new ImportException(fileName, line, "not well-formed XML: " + plain(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing is left to read
                }
            }
        }
    }

    /** The parser's message without its "ParseError at [row,col]:" prefix, which the line already says. */
    private static String plain(String message) {
        String text = message == null ? "" : message;
        int at = text.indexOf("Message: ");
        return (at >= 0 ? text.substring(at + "Message: ".length()) : text).strip();
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final List<Object> content = new ArrayList<>();

        Builder(String name, Map<String, String> attributes, int line) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
        }

        void text(String more) {
            text.append(more);
            if (!content.isEmpty() && content.get(content.size() - 1) instanceof String last) {
                content.set(content.size() - 1, last + more);
            } else {
                content.add(more);
            }
        }

        void child(Element child) {
            children.add(child);
            content.add(child);
        }

        Element build() {
            return new Element(name, attributes, List.copyOf(children), text.toString(), line, List.copyOf(content));
        }
    }
}
