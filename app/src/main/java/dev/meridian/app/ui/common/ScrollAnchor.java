package dev.meridian.app.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;

/**
 * Keeps what a person last clicked or focused in a scroll pane where it was on screen when the content above it
 * grows or shrinks. Trusting a certificate hid the insecure warning above the button, and the pane's content moved
 * up under the pointer; with an anchor the pane scrolls by the same amount instead, as a browser does.
 */
public final class ScrollAnchor {
    private final ScrollPane scroll;
    private final Node content;
    private Node anchor;
    /** The anchor's top within the content, and within the viewport, when last seen. */
    private double contentY;

    private double viewportY;
    /** Whether the scroll is being moved here, not by the person. */
    private boolean adjusting;

    private final javafx.beans.value.ChangeListener<Object> moved = (o, was, now) -> follow();

    private ScrollAnchor(ScrollPane scroll) {
        this.scroll = scroll;
        this.content = scroll.getContent();
        content.addEventFilter(
                MouseEvent.MOUSE_PRESSED, e -> anchorTo(e.getPickResult().getIntersectedNode()));
        scroll.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, was, focused) -> {
                    if (focused != null && isInContent(focused)) {
                        anchorTo(focused);
                    }
                });
            }
        });
        // The person scrolled: the anchor keeps its place in the content but has a new one on screen.
        scroll.vvalueProperty().addListener((o, was, now) -> {
            if (!adjusting && anchor != null) {
                viewportY = contentY - offset();
            }
        });
    }

    /** Anchors {@code scroll}'s content; its content must be set and stay. */
    public static ScrollAnchor install(ScrollPane scroll) {
        return new ScrollAnchor(scroll);
    }

    /** Forgets the anchor: the content was replaced by another's and starts at its top. */
    public void reset() {
        anchorTo(null);
    }

    private void anchorTo(Node node) {
        if (anchor != null) {
            anchor.localToSceneTransformProperty().removeListener(moved);
        }
        anchor = node;
        if (anchor != null) {
            contentY = yInContent(anchor);
            viewportY = contentY - offset();
            anchor.localToSceneTransformProperty().addListener(moved);
        }
    }

    /**
     * The anchor moved on screen, by a scroll or by a layout of the content (which also changes how far the same
     * scroll value reaches): scroll to where it stands at its remembered place in the viewport.
     */
    private void follow() {
        if (anchor == null || anchor.getScene() == null || !isInContent(anchor)) {
            return;
        }
        contentY = yInContent(anchor);
        double range = content.getLayoutBounds().getHeight()
                - scroll.getViewportBounds().getHeight();
        if (range > 0) {
            double wanted = Math.max(0, Math.min(1, (contentY - viewportY) / range));
            if (Math.abs(wanted - scroll.getVvalue()) * range >= 0.5) {
                adjusting = true;
                try {
                    scroll.setVvalue(wanted);
                } finally {
                    adjusting = false;
                }
            }
        }
    }

    /** How far the content is scrolled, in pixels. */
    private double offset() {
        double range = content.getLayoutBounds().getHeight()
                - scroll.getViewportBounds().getHeight();
        return range > 0 ? scroll.getVvalue() * range : 0;
    }

    private double yInContent(Node node) {
        return content.sceneToLocal(node.localToScene(0, 0)).getY();
    }

    private boolean isInContent(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }
}
