package dev.meridian.app.ui.fleet;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.fleet.HostPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Prints how long the cluster table takes to apply a refresh of 2,000 clusters (every cluster
 * modified in one watch burst), including the layout pass that follows, against a baseline: a
 * plain TableView whose list is replaced wholesale with the same data. Not a test; run by
 * {@code app/benchmark.sh}.
 */
public final class TableRefreshBenchmark {
    private static final int CLUSTERS = 2000;
    private static final int ROUNDS = 15;

    private TableRefreshBenchmark() {}

    public static void main(String[] args) {
        Platform.startup(() -> {});
        FleetViewModel model = new FleetViewModel(message -> {});
        TableView<ClusterRow> table = onFx(() -> ClusterTable.create(model, false));
        TableView<ClusterInfo> plain = onFx(TableRefreshBenchmark::plainTable);
        onFx(() -> show(table, "Meridian table") && show(plain, "baseline"));

        long initial = onFx(() -> timed(() -> model.apply(events(0, true)), table));
        long[] ours = new long[ROUNDS];
        long[] baseline = new long[ROUNDS];
        for (int round = 1; round <= ROUNDS; round++) {
            int r = round;
            ours[r - 1] = onFx(() -> timed(() -> model.apply(events(r, false)), table));
            baseline[r - 1] = onFx(() -> timed(() -> plain.getItems().setAll(clusters(r)), plain));
        }
        long oursMedian = median(ours);
        long baselineMedian = median(baseline);
        System.out.printf("initial load of %d clusters into the table: %.1f ms%n", CLUSTERS, initial / 1e6);
        System.out.printf(
                "refresh of %d clusters (median of %d): table %.1f ms, baseline %.1f ms, ratio %.2f%n",
                CLUSTERS, ROUNDS, oursMedian / 1e6, baselineMedian / 1e6, (double) oursMedian / baselineMedian);
        Platform.exit();
    }

    private static boolean show(TableView<?> table, String title) {
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.setScene(new Scene(table, 1200, 800));
        stage.show();
        return true;
    }

    private static TableView<ClusterInfo> plainTable() {
        TableView<ClusterInfo> table = new TableView<>(FXCollections.observableArrayList());
        table.setFixedCellSize(30);
        List<java.util.function.Function<ClusterInfo, String>> columns = List.of(
                ClusterInfo::name,
                ClusterInfo::displayName,
                ClusterColumns::route,
                ClusterColumns::endpointHost,
                ClusterColumns::tls,
                ClusterColumns::status);
        for (var column : columns) {
            TableColumn<ClusterInfo, String> c = new TableColumn<>("c");
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(column.apply(cell.getValue())));
            table.getColumns().add(c);
        }
        return table;
    }

    /** Runs {@code change} and the layout it causes, as the next pulse would. */
    private static long timed(Runnable change, TableView<?> table) {
        long start = System.nanoTime();
        change.run();
        table.applyCss();
        table.layout();
        return System.nanoTime() - start;
    }

    private static List<ClusterInfo> clusters(int round) {
        List<ClusterInfo> clusters = new ArrayList<>(CLUSTERS);
        for (int i = 0; i < CLUSTERS; i++) {
            boolean direct = (i + round) % 3 == 0;
            EndpointState endpoint = direct
                    ? new EndpointState.On(HostPort.parse("c" + i + ".example.com"), false, Optional.empty(), List.of())
                    : new EndpointState.Off();
            clusters.add(new ClusterInfo(
                    String.format("cluster-%04d", i),
                    "Cluster " + i + " r" + round,
                    "",
                    Map.of("region", "r" + (i % 7)),
                    (i + round) % 11 == 0 ? "Failed" : "Initialized",
                    "",
                    "",
                    Integer.toString(round),
                    endpoint));
        }
        return clusters;
    }

    private static List<FleetEvent> events(int round, boolean added) {
        return clusters(round).stream()
                .map(c -> added ? (FleetEvent) new FleetEvent.Added(c) : new FleetEvent.Modified(c))
                .toList();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static <T> T onFx(Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
