package org.quizdesk.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web layer's shared conventions: how points are written on pages, and how choices are read from requests. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final PointsFormatter points;

    WebConfiguration(PointsFormatter points) {
        this.points = points;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatter(points);
        registry.addConverterFactory(new LenientEnums());
    }
}
