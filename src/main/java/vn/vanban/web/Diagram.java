package vn.vanban.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a lược đồ: a document in the middle, its legal bases (căn cứ) in a band above, the documents that
 * guide, amend or consolidate it on the left, those that replace or repeal it on the right, and what it does to others
 * in a band below; each node a box with its number and status, each tie a line labelled with the relation. The
 * template draws it as SVG on the server (no script).
 */
final class Diagram {

    static final int NODE_W = 230;
    static final int NODE_H = 50;
    private static final int GAP_X = 30;
    private static final int GAP_Y = 70;
    private static final int PER_ROW = 4;
    private static final int SIDE_TIE = 150;

    /** One box: its text, where it leads, its status (code and label) and its place. */
    record Node(String label, String url, String status, String statusLabel, int x, int y, boolean centre) {
        public int textX() {
            return x + 10;
        }
    }

    /** One tie between a box and the middle, with the relation's words at its middle. */
    record Edge(int x1, int y1, int x2, int y2, String label) {
        public int labelX() {
            return (x1 + x2) / 2;
        }

        public int labelY() {
            return (y1 + y2) / 2 - 4;
        }
    }

    /** A document to place: what the box says and where it leads. */
    record Item(String label, String url, String status, String statusLabel, String relation) {
    }

    /** Band headings drawn on the canvas. */
    record Caption(String text, int x, int y) {
    }

    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<Caption> captions = new ArrayList<>();
    int width;
    int height;

    /** Lays out {@code centre} with its bases above, {@code left} and {@code right} beside it, {@code below} under it. */
    static Diagram of(Item centre, List<Item> bases, List<Item> left, List<Item> right, List<Item> below) {
        Diagram d = new Diagram();
        int columns = Math.max(3, Math.min(PER_ROW, Math.max(bases.size(), below.size())));
        // the side columns keep room for the relation's words on their ties
        d.width = Math.max(columns * (NODE_W + GAP_X) + GAP_X, 3 * NODE_W + 2 * SIDE_TIE + 2 * GAP_X);
        int y = 30;
        int baseRows = (bases.size() + columns - 1) / columns;
        if (!bases.isEmpty()) {
            d.captions.add(new Caption("Căn cứ", GAP_X, y - 10));
        }
        List<Node> top = d.band(bases, columns, y);
        y += baseRows * (NODE_H + 20) + (bases.isEmpty() ? 0 : GAP_Y - 20);
        int sideRows = Math.max(1, Math.max(left.size(), right.size()));
        int middleY = y + (sideRows - 1) * (NODE_H + 20) / 2;
        int centreX = (d.width - NODE_W) / 2;
        Node c = new Node(centre.label(), centre.url(), centre.status(), centre.statusLabel(), centreX, middleY, true);
        d.nodes.add(c);
        for (Node n : top) {
            d.edges.add(new Edge(n.x() + NODE_W / 2, n.y() + NODE_H, c.x() + NODE_W / 2, c.y(), "căn cứ"));
        }
        d.side(left, GAP_X, y, c, true);
        d.side(right, d.width - GAP_X - NODE_W, y, c, false);
        if (!left.isEmpty()) {
            d.captions.add(new Caption("Hướng dẫn, sửa đổi", GAP_X, y - 10));
        }
        if (!right.isEmpty()) {
            d.captions.add(new Caption("Thay thế, bãi bỏ", d.width - GAP_X - NODE_W, y - 10));
        }
        y += sideRows * (NODE_H + 20) + GAP_Y - 20;
        if (!below.isEmpty()) {
            d.captions.add(new Caption("Văn bản này tác động đến", GAP_X, y - 10));
        }
        List<Node> bottom = d.band(below, columns, y);
        for (int i = 0; i < bottom.size(); i++) {
            Node n = bottom.get(i);
            d.edges.add(new Edge(c.x() + NODE_W / 2, c.y() + NODE_H, n.x() + NODE_W / 2, n.y(), below.get(i).relation()));
        }
        y += ((below.size() + columns - 1) / columns) * (NODE_H + 20);
        d.height = y + 20;
        return d;
    }

    private List<Node> band(List<Item> items, int columns, int y) {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            int row = i / columns;
            int inRow = Math.min(columns, items.size() - row * columns);
            int x = (width - inRow * (NODE_W + GAP_X) + GAP_X) / 2 + (i % columns) * (NODE_W + GAP_X);
            Node n = new Node(it.label(), it.url(), it.status(), it.statusLabel(), x, y + row * (NODE_H + 20), false);
            nodes.add(n);
            out.add(n);
        }
        return out;
    }

    private void side(List<Item> items, int x, int y, Node c, boolean left) {
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            Node n = new Node(it.label(), it.url(), it.status(), it.statusLabel(), x, y + i * (NODE_H + 20), false);
            nodes.add(n);
            int fromX = left ? n.x() + NODE_W : n.x();
            int toX = left ? c.x() : c.x() + NODE_W;
            edges.add(new Edge(fromX, n.y() + NODE_H / 2, toX, c.y() + NODE_H / 2, it.relation()));
        }
    }

    /** The model the template draws (maps, as templates read them). */
    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> ns = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("label", fit(n.label(), 30));
            x.put("title", n.label());
            x.put("url", n.url());
            x.put("css", "node " + n.status() + (n.centre() ? " centre" : ""));
            x.put("statusLabel", n.statusLabel());
            x.put("x", n.x());
            x.put("y", n.y());
            x.put("textX", n.textX());
            x.put("line1", n.y() + 20);
            x.put("line2", n.y() + 40);
            ns.add(x);
        }
        List<Map<String, Object>> es = new ArrayList<>();
        for (Edge e : edges) {
            es.add(Map.of("x1", e.x1(), "y1", e.y1(), "x2", e.x2(), "y2", e.y2(), "label", e.label(),
                    "labelX", e.labelX(), "labelY", e.labelY()));
        }
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Caption c : captions) {
            cs.add(Map.of("text", c.text(), "x", c.x(), "y", c.y()));
        }
        m.put("nodes", ns);
        m.put("edges", es);
        m.put("captions", cs);
        m.put("width", width);
        m.put("height", height);
        m.put("nodeW", NODE_W);
        m.put("nodeH", NODE_H);
        return m;
    }

    /** {@code s} cut to fit a box's line. */
    static String fit(String s, int max) {
        return Display.clip(s, max);
    }
}
