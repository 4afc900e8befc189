package dev.meridian.app.sandbox.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes protobuf message as the JSON tree Kubernetes writes for it, walking the message's descriptors.
 *
 * <p>protobuf's own JsonFormat would print the wrappers as messages ({@code {"seconds": …}} for a time, {@code {"type":
 * 1, "strVal": …}} for an int-or-string); Kubernetes' JSON has them as scalars, so they are written here by type name.
 *
 * <p>What is "unset": the fields the wire does not carry, empty lists and maps, empty strings and the zero time. Go's
 * encoder writes every non-pointer field, so the wire carries {@code ""} for an unset name and an empty Time for an
 * unset timestamp; both read as unset in Go and are omitted here (a string pointer set to {@code ""} reads as unset
 * too, the one case this loses). Numbers and booleans are kept even when zero: on the wire a pointer set to 0 or false
 * ({@code replicas: 0}, {@code runAsUser: 0}, {@code automountServiceAccountToken: false}) looks exactly like a Go
 * non-pointer zero, and only the first must survive. Writing the zero is what the API server would read either way.
 */
final class MessageJson {
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String TIME = META + "Time";
    private static final String MICRO_TIME = META + "MicroTime";
    private static final String DURATION = META + "Duration";
    private static final String FIELDS_V1 = META + "FieldsV1";
    private static final String INT_OR_STRING = "k8s.io.apimachinery.pkg.util.intstr.IntOrString";
    private static final String QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";
    private static final String RAW_EXTENSION = "k8s.io.apimachinery.pkg.runtime.RawExtension";

    /**
     * Go structs embedded with {@code json:",inline"}: on the wire a field of their own, in JSON their fields sit in the
     * parent (a Volume's {@code configMap}, a Probe's {@code httpGet}). Found by comparing every field of the served
     * groups with fabric8's JSON model (MessageJsonTest checks the list stays complete).
     */
    static final Set<String> INLINE = Set.of(
            "k8s.io.api.core.v1.ConfigMapEnvSource.localObjectReference",
            "k8s.io.api.core.v1.ConfigMapKeySelector.localObjectReference",
            "k8s.io.api.core.v1.ConfigMapProjection.localObjectReference",
            "k8s.io.api.core.v1.ConfigMapVolumeSource.localObjectReference",
            "k8s.io.api.core.v1.SecretEnvSource.localObjectReference",
            "k8s.io.api.core.v1.SecretKeySelector.localObjectReference",
            "k8s.io.api.core.v1.SecretProjection.localObjectReference",
            "k8s.io.api.core.v1.EphemeralContainer.ephemeralContainerCommon",
            "k8s.io.api.core.v1.PersistentVolumeSpec.persistentVolumeSource",
            "k8s.io.api.core.v1.Probe.handler",
            "k8s.io.api.core.v1.Volume.volumeSource",
            "k8s.io.api.networking.v1.IngressRule.ingressRuleValue");

    /** Proto field names that differ from the JSON name (everywhere else Kubernetes names both alike). */
    static final Map<String, String> RENAMED =
            Map.of("k8s.io.api.networking.v1.IngressClassParametersReference.aPIGroup", "apiGroup");

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

    private MessageJson() {}

    /** A message of a struct kind as a JSON object. */
    static Map<String, Object> object(MessageOrBuilder message) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            boolean present = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
            if (!present) {
                continue;
            }
            String qualified = field.getFullName();
            if (INLINE.contains(qualified)) {
                json.putAll(object((Message) message.getField(field)));
                continue;
            }
            Object value;
            if (field.isMapField()) {
                value = map(field, message.getField(field));
            } else if (field.isRepeated()) {
                value = list(field, message.getField(field));
            } else {
                value = value(field, message.getField(field));
            }
            if (value != null && !"".equals(value)) {
                json.put(RENAMED.getOrDefault(qualified, field.getName()), value);
            }
        }
        return json;
    }

    private static Map<String, Object> map(FieldDescriptor field, Object entries) {
        FieldDescriptor key = field.getMessageType().findFieldByName("key");
        FieldDescriptor value = field.getMessageType().findFieldByName("value");
        Map<String, Object> json = new LinkedHashMap<>();
        for (Object entry : (List<?>) entries) {
            Message message = (Message) entry;
            json.put(String.valueOf(message.getField(key)), value(value, message.getField(value)));
        }
        return json;
    }

    private static List<Object> list(FieldDescriptor field, Object items) {
        List<Object> json = new ArrayList<>();
        for (Object item : (List<?>) items) {
            json.add(value(field, item));
        }
        return json;
    }

    /** One value of a field: a scalar, or a message (null when Kubernetes writes nothing for it, as the zero time). */
    private static Object value(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case INT, BOOLEAN, STRING -> value;
            // Jackson reads a JSON number that fits an int as Integer: the same tree, so equals() holds across both.
            case LONG -> narrow((Long) value);
            case FLOAT -> ((Float) value).doubleValue();
            case DOUBLE -> value;
            // Go's encoding/json writes []byte as standard base64 with padding (a Secret's data).
            case BYTE_STRING -> Base64.getEncoder().encodeToString(((ByteString) value).toByteArray());
            case ENUM -> value.toString();
            case MESSAGE -> message((Message) value);
        };
    }

    private static Object message(Message message) {
        return switch (message.getDescriptorForType().getFullName()) {
            case TIME -> time(message, false);
            case MICRO_TIME -> time(message, true);
            case DURATION -> GoDuration.format((Long) get(message, "duration"));
            case INT_OR_STRING -> ((Long) get(message, "type")) == 1L ? get(message, "strVal") : get(message, "intVal");
            case QUANTITY -> get(message, "string");
            case RAW_EXTENSION -> embedded((ByteString) get(message, "raw"));
            case FIELDS_V1 -> embedded((ByteString) get(message, "Raw"));
            default -> object(message);
        };
    }

    /** metav1.Time is RFC 3339 to the second, MicroTime to the microsecond; the zero time (no fields) is JSON null. */
    private static String time(Message message, boolean micros) {
        FieldDescriptor seconds = message.getDescriptorForType().findFieldByName("seconds");
        FieldDescriptor nanos = message.getDescriptorForType().findFieldByName("nanos");
        if (!message.hasField(seconds) && !message.hasField(nanos)) {
            return null;
        }
        Instant instant = Instant.ofEpochSecond((Long) message.getField(seconds), (Integer) message.getField(nanos));
        return micros
                ? MICROS.format(instant.truncatedTo(ChronoUnit.MICROS))
                : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** RawExtension and FieldsV1 hold JSON (or, for a RawExtension, possibly a nested protobuf object). */
    private static Object embedded(ByteString raw) {
        if (raw.isEmpty()) {
            return null;
        }
        byte[] bytes = raw.toByteArray();
        if (bytes[0] == 'k' && bytes.length > 4 && bytes[1] == '8' && bytes[2] == 's' && bytes[3] == 0) {
            return ProtobufBodies.decode(bytes);
        }
        try {
            return Serialization.unmarshal(raw.toString(StandardCharsets.UTF_8), Object.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("An embedded object in the protobuf body is not JSON.", e);
        }
    }

    private static Object get(Message message, String field) {
        return message.getField(message.getDescriptorForType().findFieldByName(field));
    }

    private static Number narrow(long value) {
        // not a conditional expression: its numeric promotion would box both branches as Long
        if (value == (int) value) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }
}
