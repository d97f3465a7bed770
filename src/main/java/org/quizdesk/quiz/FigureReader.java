package org.quizdesk.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code figures} lists. A figure's {@code file} is relative to the quiz file's folder and may be absent
 * (the page then shows a placeholder with the description); a named file that is missing on disk is not an
 * error here, see {@link MissingFigures}.
 */
final class FigureReader {

    private static final Set<String> FIELDS = Set.of("file", "description", "caption");
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp");

    private FigureReader() {
    }

    /** The figures of {@code key} (empty when absent); problems are reported, bad figures left out. */
    static List<Figure> read(YamlMapping owner, String key) {
        List<Figure> figures = new ArrayList<>();
        List<Node> nodes = owner.list(key, false);
        if (nodes == null) {
            return figures;
        }
        for (Node node : nodes) {
            YamlMapping m = YamlMapping.of(node, "a figure", owner.where(), owner.problems());
            if (m == null) {
                continue;
            }
            m.allowOnly(FIELDS);
            String file = m.text("file", false);
            String description = m.text("description", true);
            String caption = m.text("caption", false);
            boolean fileOk = file == null || checkFile(m, file);
            if (description != null && fileOk) {
                figures.add(new Figure(file, description.strip(), caption == null ? null : caption.strip()));
            }
        }
        return figures;
    }

    private static boolean checkFile(YamlMapping m, String file) {
        Node at = m.value("file");
        String lower = file.toLowerCase(Locale.ROOT);
        if (file.startsWith("/") || file.contains("\\") || file.contains("://") || file.contains(":")
                || List.of(file.split("/")).contains("..")) {
            m.problem(at, "figure file \"" + file + "\" must be a path relative to the quiz file's folder, "
                    + "with / between folders and no \"..\" (e.g. cse493g1-au24-quiz2/figures/networks.png)");
            return false;
        }
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || !EXTENSIONS.contains(lower.substring(dot + 1))) {
            m.problem(at, "figure file \"" + file + "\" must be an image: " + String.join(", ", EXTENSIONS.stream()
                    .sorted().toList()));
            return false;
        }
        return true;
    }
}
