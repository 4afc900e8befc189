package dev.meridian.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.health.HealthSummary.Verdict;
import dev.meridian.app.kubeconfig.Route;
import dev.meridian.app.tray.TrayMenu.Action;
import dev.meridian.app.tray.TrayMenu.Caption;
import dev.meridian.app.tray.TrayMenu.Choice;
import dev.meridian.app.tray.TrayMenu.Command;
import dev.meridian.app.tray.TrayMenu.Entry;
import dev.meridian.app.tray.TrayState.TrayCluster;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrayMenuModelTest {
    private static final TrayCluster EU =
            new TrayCluster("eu-west", "Europe West", Route.DIRECT, Verdict.UP, List.of());
    private static final TrayCluster US =
            new TrayCluster("us-east", "us-east", Route.DIRECT, Verdict.DOWN, List.of("team-a", "team-b"));
    private static final TrayCluster AP =
            new TrayCluster("ap-south", "Asia Pacific South", Route.CENTRAL, Verdict.DEGRADED, List.of());

    private static TrayState state(String current, boolean canGoBack, TrayCluster... clusters) {
        return new TrayState(Optional.of("plane"), List.of(clusters), Optional.ofNullable(current), canGoBack, true);
    }

    private static List<String> labels(TrayMenu menu) {
        return menu.entries().stream().map(Entry::label).toList();
    }

    private static Choice choice(TrayMenu menu, String cluster) {
        return menu.entries().stream()
                .filter(Choice.class::isInstance)
                .map(Choice.class::cast)
                .filter(c -> c.cluster().equals(cluster))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void groupsClustersByRouteWithEachHealthInWordsAfterItsName() {
        TrayMenu menu = TrayMenuModel.build(state(null, false, AP, EU, US));

        assertThat(labels(menu))
                .startsWith(
                        "Direct",
                        "eu-west (Europe West) \u00B7 Up",
                        "us-east \u00B7 Down",
                        "Central",
                        "ap-south (Asia Pacific South) \u00B7 Degraded",
                        "-");
        assertThat(menu.entries().get(0)).isInstanceOf(Caption.class);
        assertThat(labels(menu))
                .endsWith(
                        "Back to previous context",
                        "Probe all",
                        "-",
                        "Keep running when the window is closed",
                        "Open Meridian",
                        "Quit");
    }

    @Test
    void leavesOutARouteGroupWithoutClusters() {
        assertThat(labels(TrayMenuModel.build(state(null, false, AP))))
                .doesNotContain("Direct")
                .contains("Central");
    }

    static Stream<Arguments> currentContexts() {
        return Stream.of(
                Arguments.of("the cluster's context", "meridian_eu-west", "eu-west", Verdict.UP),
                Arguments.of("a space of a cluster", "meridian_team-a_us-east", "us-east", Verdict.DOWN),
                Arguments.of("a central cluster", "meridian_ap-south", "ap-south", Verdict.DEGRADED),
                Arguments.of("a foreign context", "kind-dev", null, Verdict.UNKNOWN),
                Arguments.of("a cluster no longer connected", "meridian_gone", null, Verdict.UNKNOWN),
                Arguments.of("no current context", null, null, Verdict.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentContexts")
    void checksTheCurrentClusterAndShowsItsHealthOnTheIcon(
            String name, String current, String checkedCluster, Verdict icon) {
        TrayMenu menu = TrayMenuModel.build(state(current, false, AP, EU, US));

        List<String> checked = menu.entries().stream()
                .filter(Choice.class::isInstance)
                .map(Choice.class::cast)
                .filter(Choice::checked)
                .map(Choice::cluster)
                .toList();
        assertThat(checked)
                .as("clusters checked for %s", current)
                .isEqualTo(checkedCluster == null ? List.of() : List.of(checkedCluster));
        assertThat(menu.currentCluster()).isEqualTo(Optional.ofNullable(checkedCluster));
        assertThat(menu.iconHealth()).isEqualTo(icon);
    }

    @Test
    void knownSpacesBecomeASubmenuAfterTheWholeCluster() {
        Choice us = choice(TrayMenuModel.build(state("meridian_team-b_us-east", false, US)), "us-east");

        assertThat(us.hasSpaces()).isTrue();
        assertThat(us.spaces()).extracting(Choice::label).containsExactly("Whole cluster", "team-a", "team-b");
        assertThat(us.spaces()).extracting(Choice::space).containsExactly(null, "team-a", "team-b");
        assertThat(us.spaces()).extracting(Choice::checked).containsExactly(false, false, true);
        assertThat(choice(TrayMenuModel.build(state(null, false, EU)), "eu-west")
                        .hasSpaces())
                .isFalse();
    }

    static Stream<Arguments> actionStates() {
        return Stream.of(
                Arguments.of("back without a previous context", state(null, false, EU), Command.BACK, false),
                Arguments.of("back with a previous context", state(null, true, EU), Command.BACK, true),
                Arguments.of("probe with clusters", state(null, false, EU), Command.PROBE_ALL, true),
                Arguments.of("probe without clusters", state(null, false), Command.PROBE_ALL, false),
                Arguments.of("open always", state(null, false), Command.OPEN, true),
                Arguments.of("quit always", state(null, false), Command.QUIT, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionStates")
    void enablesActionsOnlyWhenTheyCanDoSomething(String name, TrayState state, Command command, boolean enabled) {
        Action action = TrayMenuModel.build(state).entries().stream()
                .filter(Action.class::isInstance)
                .map(Action.class::cast)
                .filter(a -> a.command() == command)
                .findFirst()
                .orElseThrow();
        assertThat(action.enabled()).isEqualTo(enabled);
    }

    @Test
    void saysWhyThereAreNoClusters() {
        TrayState noPlane = new TrayState(Optional.empty(), List.of(), Optional.empty(), false, false);
        assertThat(labels(TrayMenuModel.build(noPlane))).first().isEqualTo("No management plane connected");
        assertThat(labels(TrayMenuModel.build(state(null, false)))).first().isEqualTo("No connected clusters in plane");
    }

    @Test
    void theKeepRunningToggleFollowsTheSetting() {
        TrayState off = new TrayState(Optional.empty(), List.of(), Optional.empty(), false, false);
        assertThat(TrayMenuModel.build(off).entries())
                .filteredOn(Action.class::isInstance)
                .map(Action.class::cast)
                .filteredOn(a -> a.command() == Command.KEEP_RUNNING)
                .extracting(Action::checked)
                .containsExactly(false);
    }

    @Test
    void theTooltipNamesTheCurrentContextAndItsHealth() {
        assertThat(TrayMenuModel.build(state("meridian_eu-west", false, EU)).tooltip())
                .isEqualTo("Meridian: meridian_eu-west (up)");
        assertThat(TrayMenuModel.build(state(null, false, EU)).tooltip()).isEqualTo("Meridian: no current context");
    }

    static Stream<Arguments> healthChanges() {
        TrayCluster euDown = new TrayCluster("eu-west", "Europe West", Route.DIRECT, Verdict.DOWN, List.of());
        TrayCluster usUp = new TrayCluster("us-east", "us-east", Route.DIRECT, Verdict.UP, List.of());
        return Stream.of(
                Arguments.of(
                        "the current cluster went down",
                        state("meridian_eu-west", false, EU),
                        state("meridian_eu-west", false, euDown),
                        "eu-west is now down (was up)."),
                Arguments.of(
                        "it came back",
                        state("meridian_eu-west", false, euDown),
                        state("meridian_eu-west", false, EU),
                        "eu-west is now up (was down)."),
                Arguments.of(
                        "a switch to another cluster",
                        state("meridian_eu-west", false, EU, usUp),
                        state("meridian_us-east", false, EU, usUp),
                        null),
                Arguments.of(
                        "another cluster changed",
                        state("meridian_eu-west", false, EU, US),
                        state("meridian_eu-west", false, EU, usUp),
                        null),
                Arguments.of(
                        "no current cluster", state("kind-dev", false, EU), state("kind-dev", false, euDown), null),
                Arguments.of("the first menu", null, state("meridian_eu-west", false, EU), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("healthChanges")
    void notifiesOnlyWhenTheCurrentClustersHealthChanges(
            String name, TrayState before, TrayState after, String notice) {
        TrayMenu previous = before == null ? null : TrayMenuModel.build(before);
        assertThat(TrayMenuModel.healthChange(previous, TrayMenuModel.build(after)))
                .isEqualTo(Optional.ofNullable(notice));
    }
}
