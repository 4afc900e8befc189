package dev.meridian.app.ui.fleet;

import atlantafx.base.theme.Styles;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * The endpoint editor's field validation, on ControlsFX: a field whose value the view model rejects gets the
 * theme's danger outline and ControlsFX's error mark in its corner, whose tooltip says why. The view model stays the
 * one judge; this shows its verdict and follows it when anything it depends on changes.
 */
final class FieldValidation {
    private final ValidationSupport support = new ValidationSupport();

    FieldValidation() {
        support.setValidationDecorator(new DangerDecoration());
    }

    /**
     * Marks {@code field} while {@code invalid} holds, with {@code message} as the reason; checks again whenever one
     * of {@code dependencies} changes.
     */
    void watch(Control field, BooleanSupplier invalid, Supplier<String> message, Observable... dependencies) {
        support.registerValidator(
                field,
                false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, message.get(), invalid.getAsBoolean()));
        for (Observable dependency : dependencies) {
            dependency.addListener(o -> support.revalidate(field));
        }
    }

    /** ControlsFX's graphic decoration, plus the theme's danger state on the field itself. */
    private static final class DangerDecoration extends GraphicValidationDecoration {
        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            super.applyValidationDecoration(message);
            message.getTarget().pseudoClassStateChanged(Styles.STATE_DANGER, true);
        }

        @Override
        public void removeDecorations(Control target) {
            super.removeDecorations(target);
            target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        }
    }
}
