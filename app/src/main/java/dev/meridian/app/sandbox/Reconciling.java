package dev.meridian.app.sandbox;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/**
 * An informer handler for the sandbox's simulations that bring their world in line with each
 * object: the object as it now is on an add or an update, its removal on a delete.
 */
final class Reconciling {
    private Reconciling() {}

    static <T> ResourceEventHandler<T> handler(Consumer<T> upsert, Consumer<T> remove) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                upsert.accept(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                upsert.accept(after);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                remove.accept(object);
            }
        };
    }
}
