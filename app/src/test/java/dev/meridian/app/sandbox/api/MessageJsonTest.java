package dev.meridian.app.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageJsonTest {
    /** Each served proto file and the package of fabric8's JSON model for the same group version. */
    private static final Map<FileDescriptor, String> MODELS = Map.of(
            V1.getDescriptor(), "io.fabric8.kubernetes.api.model.",
            V1Apps.getDescriptor(), "io.fabric8.kubernetes.api.model.apps.",
            V1Batch.getDescriptor(), "io.fabric8.kubernetes.api.model.batch.v1.",
            V1Networking.getDescriptor(), "io.fabric8.kubernetes.api.model.networking.v1.",
            V1Rbac.getDescriptor(), "io.fabric8.kubernetes.api.model.rbac.",
            V1Policy.getDescriptor(), "io.fabric8.kubernetes.api.model.policy.v1.");

    /** Fields newer than fabric8 8.0.0's model (the library follows a later Kubernetes): nothing to compare with. */
    private static final Set<String> NOT_IN_FABRIC8 =
            Set.of("k8s.io.api.core.v1.NodeAllocatableResourceClaimStatus.resources");

    /**
     * fabric8's model is an independent witness of Kubernetes' JSON names: every field of every served kind must come
     * out under a name fabric8 knows for that type, directly, renamed, or inlined into its parent. A new inline struct
     * or an odd proto name in a later library fails here instead of writing a field Kubernetes does not know.
     */
    @Test
    void everyFieldOfTheServedGroupsGetsItsKubernetesJsonName() {
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<FileDescriptor, String> file : MODELS.entrySet()) {
            for (Descriptor type : file.getKey().getMessageTypes()) {
                Set<String> names = jsonNames(file.getValue() + type.getName());
                if (names == null) {
                    continue; // options and internal kinds fabric8 does not model (PodLogOptions, RangeAllocation)
                }
                compared++;
                for (String name : writtenNames(type)) {
                    if (!names.contains(name)) {
                        wrong.add(type.getFullName() + " writes '" + name + "'");
                    }
                }
            }
        }
        assertThat(compared).as("kinds compared with fabric8's model").isGreaterThan(200);
        assertThat(wrong)
                .as("fields written under a name fabric8's model does not have")
                .isEmpty();
    }

    /** The JSON keys MessageJson writes for a message type, following inlined fields into their own type. */
    private static List<String> writtenNames(Descriptor type) {
        List<String> names = new ArrayList<>();
        for (FieldDescriptor field : type.getFields()) {
            String qualified = field.getFullName();
            if (NOT_IN_FABRIC8.contains(qualified)) {
                continue;
            }
            if (MessageJson.INLINE.contains(qualified)) {
                names.addAll(writtenNames(field.getMessageType()));
            } else {
                names.add(MessageJson.RENAMED.getOrDefault(qualified, field.getName()));
            }
        }
        return names;
    }

    private static Set<String> jsonNames(String className) {
        Class<?> model;
        try {
            model = Class.forName(className);
        } catch (ClassNotFoundException e) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (java.lang.reflect.Field field : model.getDeclaredFields()) {
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            if (property != null) {
                names.add(property.value());
            }
        }
        return names;
    }

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "999, 999ns",
        "1500, 1.5µs",
        "300000000, 300ms",
        "1000000000, 1s",
        "1500000000, 1.5s",
        "90000000000, 1m30s",
        "3600000000000, 1h0m0s",
        "3723000000001, 1h2m3.000000001s",
        "-2500000000, -2.5s",
        "-9223372036854775808, -2562047h47m16.854775808s",
    })
    void durationsAsGoWritesThem(long nanos, String text) {
        assertThat(GoDuration.format(nanos)).isEqualTo(text);
    }
}
