package dev.meridian.app.ui.fleet;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EditResult;
import dev.meridian.app.fleet.EndpointChange;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.fleet.HostPort;
import dev.meridian.app.health.CaFetch;
import dev.meridian.app.health.PresentedCa;
import dev.meridian.app.health.ProbeTarget;
import dev.meridian.app.health.Prober;
import dev.meridian.app.health.TlsMode;
import dev.meridian.app.ui.common.Background;
import dev.meridian.app.ui.common.ErrorDialogs;
import dev.meridian.app.ui.common.Notifier.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The endpoint editor of one cluster: validates what the user types as they type it, saves against
 * the version the form was loaded from, and on a conflict reloads and says so. FX thread only;
 * service calls run on {@link Background}.
 */
public final class EndpointEditorViewModel {
    /** The most a CA file may hold; annotations cannot carry more anyway. */
    private static final long MAX_CA_FILE_BYTES = 256 * 1024;

    private final Supplier<FleetService> fleet;
    private final Background background;
    private final BiConsumer<Kind, String> notify;
    private final Clock clock;
    private final Function<String, CaFetch> presentedCa;

    private final ReadOnlyObjectWrapper<ClusterInfo> base = new ReadOnlyObjectWrapper<>(this, "base");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final StringProperty caText = new SimpleStringProperty(this, "caText", "");
    private final ReadOnlyStringWrapper hostMessage = new ReadOnlyStringWrapper(this, "hostMessage", "");
    private final ReadOnlyBooleanWrapper hostValid = new ReadOnlyBooleanWrapper(this, "hostValid");
    private final ReadOnlyStringWrapper caMessage = new ReadOnlyStringWrapper(this, "caMessage", "");
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.util.List<CaInput.Line>> caDetails =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "caDetails", java.util.List.of());
    private final ReadOnlyBooleanWrapper caValid = new ReadOnlyBooleanWrapper(this, "caValid", true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Kind> statusKind = new ReadOnlyObjectWrapper<>(this, "statusKind", Kind.INFO);
    private final BooleanBinding canSave;
    private final BooleanBinding canClear;
    private boolean loading;

    public EndpointEditorViewModel(
            Supplier<FleetService> fleet, Background background, BiConsumer<Kind, String> notify, Clock clock) {
        this(fleet, background, notify, clock, EndpointEditorViewModel::fetchWithSystemResolver);
    }

    /**
     * @param presentedCa fetches the chain an endpoint ("host:port") presents; called on a background
     *     thread
     */
    public EndpointEditorViewModel(
            Supplier<FleetService> fleet,
            Background background,
            BiConsumer<Kind, String> notify,
            Clock clock,
            Function<String, CaFetch> presentedCa) {
        this.presentedCa = presentedCa;
        this.fleet = fleet;
        this.background = background;
        this.notify = notify;
        this.clock = clock;
        host.addListener((o, a, b) -> edited());
        insecure.addListener((o, a, b) -> edited());
        caText.addListener((o, a, b) -> edited());
        canSave = base.isNotNull().and(hostValid).and(caValid).and(dirty).and(busy.not());
        canClear = Bindings.createBooleanBinding(
                () -> base.get() != null && !(base.get().endpoint() instanceof EndpointState.Off) && !busy.get(),
                base,
                busy);
        validate();
    }

    /** Shows {@code cluster}'s stored endpoint in the form; null empties it. */
    public void load(ClusterInfo cluster) {
        loading = true;
        try {
            base.set(cluster);
            EndpointState state = cluster == null ? new EndpointState.Off() : cluster.endpoint();
            if (state instanceof EndpointState.On on) {
                host.set(on.hostPort().toString());
                insecure.set(on.insecure());
                caText.set(on.ca().map(ca -> pemText(ca.base64())).orElse(""));
            } else if (state instanceof EndpointState.Invalid invalid) {
                host.set(invalid.endpointPreview());
                insecure.set(false);
                caText.set("");
            } else {
                host.set("");
                insecure.set(false);
                caText.set("");
            }
            dirty.set(false);
            validate();
        } finally {
            loading = false;
        }
    }

    /** Selects another cluster: drops the current edits and any result message. */
    public void select(ClusterInfo cluster) {
        setStatus(Kind.INFO, "");
        load(cluster);
    }

    /**
     * The watch saw a new version of the shown cluster. An untouched form follows it; an edited
     * form keeps the user's input and its base version, so Save reports the conflict.
     */
    public void onServerUpdate(ClusterInfo cluster) {
        ClusterInfo shown = base.get();
        if (shown == null
                || !shown.name().equals(cluster.name())
                || Objects.equals(shown.resourceVersion(), cluster.resourceVersion())
                || busy.get()) {
            return;
        }
        if (!dirty.get()) {
            load(cluster);
        } else {
            setStatus(
                    Kind.WARNING,
                    "This cluster was changed on the server while you were editing. "
                            + "Saving will show you the new values first.");
        }
    }

    public void save() {
        ClusterInfo cluster = base.get();
        if (cluster == null || !canSave.get()) {
            return;
        }
        CaInput ca = CaInput.read(caText.get(), clock.instant());
        EndpointChange change;
        try {
            change = EndpointChange.of(host.get(), insecure.get(), ca.base64(), ca.pem(), clock.instant());
        } catch (MeridianException.InvalidInput e) {
            setStatus(Kind.FAILURE, e.getMessage());
            return;
        }
        String typed = change.hostPort().toString();
        busy.set(true);
        background.run(
                () -> fleet.get().setEndpoint(cluster.name(), change, cluster.resourceVersion()),
                result -> saved(
                        result,
                        "Saved. " + cluster.name() + " is now reached directly at "
                                + change.hostPort().routeUrl() + "."),
                error -> failed(cluster, error, "your endpoint '" + typed + "' was not saved"));
    }

    /** Turns the direct endpoint off (removes the annotations), against the loaded version. */
    public void clear() {
        ClusterInfo cluster = base.get();
        if (cluster == null || !canClear.get()) {
            return;
        }
        busy.set(true);
        background.run(
                () -> fleet.get().clearEndpoint(cluster.name(), cluster.resourceVersion()),
                result ->
                        saved(result, "Cleared. " + cluster.name() + " is reached through the central gateway again."),
                error -> failed(cluster, error, "the endpoint was not cleared"));
    }

    /** Reads a CA file off the FX thread and puts its text into the CA field. */
    public void loadCaFile(Path file) {
        background.run(
                () -> {
                    if (Files.size(file) > MAX_CA_FILE_BYTES) {
                        throw new MeridianException.InvalidInput(file + " is larger than " + MAX_CA_FILE_BYTES
                                + " bytes; choose the PEM file of the endpoint's CA certificate.");
                    }
                    return Files.readString(file, StandardCharsets.UTF_8);
                },
                caText::set,
                error -> setStatus(
                        Kind.FAILURE,
                        "Could not read " + file + ": "
                                + (error instanceof IOException ? error.toString() : ErrorDialogs.userMessage(error))));
    }

    /**
     * Fetches the certificate the endpoint in the host field presents, without trusting it, and hands
     * it to {@code onFetched} on the FX thread for the user to judge. Failures go to the status line.
     */
    public void fetchPresentedCa(Consumer<PresentedCa> onFetched) {
        if (!hostValid.get() || busy.get()) {
            return;
        }
        String endpoint = HostPort.parseUserInput(host.get()).hostPort().toString();
        busy.set(true);
        setStatus(Kind.INFO, "Fetching the certificate " + endpoint + " presents...");
        background.run(
                () -> presentedCa.apply(endpoint),
                fetch -> {
                    busy.set(false);
                    if (fetch instanceof CaFetch.Presented presented) {
                        setStatus(Kind.INFO, "");
                        onFetched.accept(presented.ca());
                    } else {
                        setStatus(
                                Kind.FAILURE,
                                "Could not fetch the certificate of " + endpoint + ": "
                                        + ((CaFetch.Failed) fetch).message()
                                        + " Check the host and port, and that the agent runs.");
                    }
                },
                error -> {
                    busy.set(false);
                    reportFailure(error);
                });
    }

    /** Puts a presented CA the user chose to trust into the form (and turns insecure off); Save stores it. */
    public void trust(PresentedCa ca) {
        caText.set(ca.pem().strip());
        insecure.set(false);
        setStatus(
                Kind.INFO,
                "The presented CA (SHA-256 " + ca.sha256Fingerprint().substring(0, 23)
                        + "...) is filled in. Save to store it.");
    }

    private static CaFetch fetchWithSystemResolver(String endpoint) {
        try (Prober prober = Prober.create()) {
            return prober.fetchPresentedCa(ProbeTarget.forEndpoint(endpoint, TlsMode.systemTrust()));
        }
    }

    private void saved(EditResult result, String message) {
        busy.set(false);
        load(result.cluster());
        List<String> lines = new ArrayList<>();
        lines.add(message);
        lines.addAll(result.notices());
        setStatus(result.notices().isEmpty() ? Kind.SUCCESS : Kind.WARNING, String.join("\n", lines));
        notify.accept(Kind.SUCCESS, message);
    }

    private void failed(ClusterInfo cluster, Throwable error, String whatWasLost) {
        if (error instanceof MeridianException.Conflict) {
            background.run(
                    () -> fleet.get().get(cluster.name()),
                    fresh -> {
                        busy.set(false);
                        load(fresh);
                        String message = cluster.name() + " was changed by someone else while you were editing, so "
                                + whatWasLost + ". The form has been reloaded with the current values: review them and "
                                + "save again.";
                        setStatus(Kind.WARNING, message);
                        notify.accept(Kind.WARNING, message);
                    },
                    reloadError -> {
                        busy.set(false);
                        reportFailure(reloadError);
                    });
            return;
        }
        busy.set(false);
        reportFailure(error);
    }

    private void reportFailure(Throwable error) {
        String message = ErrorDialogs.userMessage(error);
        setStatus(Kind.FAILURE, message);
        notify.accept(Kind.FAILURE, message);
    }

    private void edited() {
        if (!loading) {
            dirty.set(true);
            validate();
        }
    }

    private void validate() {
        validateHost();
        CaInput ca = CaInput.read(caText.get(), clock.instant());
        caValid.set(ca.isValid());
        caMessage.set(ca.isValid() ? "" : ca.error());
        caDetails.set(ca.details());
    }

    private void validateHost() {
        String value = host.get();
        if (value == null || value.isBlank()) {
            hostValid.set(false);
            hostMessage.set("Enter the host of the direct endpoint, e.g. agent.example.com or 10.0.0.5:8443.");
            return;
        }
        try {
            HostPort.Parsed parsed = HostPort.parseUserInput(value);
            hostValid.set(true);
            hostMessage.set(parsed.notice()
                    .orElse("kubectl will use " + parsed.hostPort().routeUrl()));
        } catch (MeridianException.InvalidInput e) {
            hostValid.set(false);
            hostMessage.set(e.getMessage());
        }
    }

    private void setStatus(Kind kind, String message) {
        statusKind.set(kind);
        status.set(message);
    }

    private static String pemText(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    public ReadOnlyObjectProperty<ClusterInfo> baseProperty() {
        return base.getReadOnlyProperty();
    }

    public StringProperty hostProperty() {
        return host;
    }

    public BooleanProperty insecureProperty() {
        return insecure;
    }

    public StringProperty caTextProperty() {
        return caText;
    }

    public ReadOnlyStringProperty hostMessageProperty() {
        return hostMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hostValidProperty() {
        return hostValid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caMessageProperty() {
        return caMessage.getReadOnlyProperty();
    }

    javafx.beans.property.ReadOnlyObjectProperty<java.util.List<CaInput.Line>> caDetailsProperty() {
        return caDetails.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Kind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public BooleanBinding canClearBinding() {
        return canClear;
    }
}
