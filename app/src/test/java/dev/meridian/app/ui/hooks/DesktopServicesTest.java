package dev.meridian.app.ui.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.health.HealthSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bare window offers no part, and a part that is not offered says so rather than doing anything. */
class DesktopServicesTest {
    private static final ClusterInfo CLUSTER =
            new ClusterInfo("eu-west", "", "", Map.of(), "Initialized", "", "", "1", new EndpointState.Off());

    @Test
    void theBareWindowOffersNoPart() {
        DesktopServices none = DesktopServices.none();

        assertThat(none.contexts().isOffered()).as("contexts").isFalse();
        assertThat(none.health().isOffered()).as("health").isFalse();
        assertThat(none.installer().isOffered()).as("installer").isFalse();
        assertThat(none.sandbox().isOffered()).as("sandbox").isFalse();
    }

    @Test
    void aPartThatIsNotOfferedFailsLoudlyWhenCalledAnyway() {
        DesktopServices none = DesktopServices.none();

        assertThatThrownBy(() -> none.contexts().useCluster(null, CLUSTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not offer switching kube contexts");
        assertThatThrownBy(() -> none.health().probe(null, CLUSTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not offer probing health");
        assertThatThrownBy(() -> none.installer().open(null, null, CLUSTER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not offer installing the agent");
        assertThatThrownBy(() -> none.sandbox().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not offer starting a sandbox");
    }

    @Test
    void noTrayInstallsNothingAndClosesQuietly() throws Exception {
        AutoCloseable installed = TrayHook.none().install(null);

        installed.close();
    }

    @Test
    void aRealPartIsOfferedAndReplacesOnlyItsOwnSlot() {
        HealthSource health =
                cluster -> new HealthSummary(HealthSummary.Verdict.UP, Optional.empty(), Optional.empty(), "Up.");
        SandboxStarter sandbox = () -> "sandbox";

        DesktopServices services = DesktopServices.none().withHealth(health).withSandbox(sandbox);

        assertThat(services.health()).isSameAs(health);
        assertThat(services.health().isOffered()).isTrue();
        assertThat(services.sandbox().isOffered()).isTrue();
        assertThat(List.of(services.contexts().isOffered(), services.installer().isOffered()))
                .as("the parts not given stay unavailable")
                .containsOnly(false);
    }

    @Test
    void everyPartMustBeGivenEvenWhenItIsNotOffered() {
        assertThatNullPointerException()
                .isThrownBy(() -> DesktopServices.none().withHealth(null))
                .withMessageContaining("HealthSource.unavailable()");
    }
}
