package org.quizdesk.modularityfixture.orders;

import java.util.List;
import org.quizdesk.modularityfixture.orders.internal.OrderLine;

/** The fixture's orders module API. */
public class Orders {

    public int count(List<OrderLine> lines) {
        return lines.size();
    }
}
