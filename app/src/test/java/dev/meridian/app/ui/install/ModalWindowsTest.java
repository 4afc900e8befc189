package dev.meridian.app.ui.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wizard and the uninstall dialog fit the screen they open on, title bar included. */
class ModalWindowsTest {

    @Test
    void aWindowKeepsItsSizeWhereThereIsRoom() {
        assertThat(ModalWindows.fit(680, 1000)).isEqualTo(680);
        assertThat(ModalWindows.fit(760, 1024)).isEqualTo(760);
    }

    @Test
    void onA640PixelScreenTheWizardShrinksSoItsButtonsStayOnScreen() {
        assertThat(ModalWindows.fit(680, 640)).isEqualTo(576);
    }

    @Test
    void aTinyScreenStillGetsAUsableWindow() {
        assertThat(ModalWindows.fit(680, 200)).isEqualTo(320);
        assertThat(ModalWindows.fit(200, 100)).isEqualTo(200);
    }
}
