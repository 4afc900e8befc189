package dev.meridian.app.sandbox.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the protobuf bodies kubectl sends for its typed creates ({@code create namespace}, {@code create deployment},
 * …) as the JSON tree the simulated API server stores.
 *
 * <p>The wire format is Kubernetes' own (apimachinery's protobuf serializer): the 4-byte prefix {@code k8s\0}, then a
 * {@code runtime.Unknown} message whose {@code typeMeta} names apiVersion and kind and whose {@code raw} holds the
 * object's message. The types come from {@code io.kubernetes:client-java-proto}; {@link MessageJson} turns them into
 * Kubernetes JSON.
 */
public final class ProtobufBodies {
    /** The media type Kubernetes registers for its protobuf encoding. */
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

    /** {@code k8s} then the encoding style; 0x00, the only style defined, means a runtime.Unknown follows. */
    private static final byte[] PREFIX = {0x6b, 0x38, 0x73, 0x00};

    /**
     * apiVersion to the library's generated file for that group version. A table, not a rule: the Go package a group
     * lives in is not derivable from its name (rbac.authorization.k8s.io is k8s.io/api/rbac/v1, the core group is
     * k8s.io/api/core/v1). Within a file the kind is found by name in the file's descriptor, so every kind of these
     * groups decodes without a line here; a new group is one line.
     */
    private static final Map<String, FileDescriptor> GROUP_VERSIONS = Map.of(
            "v1", V1.getDescriptor(),
            "apps/v1", V1Apps.getDescriptor(),
            "batch/v1", V1Batch.getDescriptor(),
            "networking.k8s.io/v1", V1Networking.getDescriptor(),
            "rbac.authorization.k8s.io/v1", V1Rbac.getDescriptor(),
            "policy/v1", V1Policy.getDescriptor(),
            "authorization.k8s.io/v1", io.kubernetes.client.proto.V1Authorization.getDescriptor(),
            "scheduling.k8s.io/v1", io.kubernetes.client.proto.V1Scheduling.getDescriptor());

    private static final String OBJECT_META = "k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private ProtobufBodies() {}

    /** True for the content types the API server reads as protobuf; parameters and case do not matter, null is false. */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return mediaType.strip().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE);
    }

    /**
     * The object kubectl sent, as the JSON tree the API server would have read (plain Map/List/String/Number/Boolean,
     * as {@code Serialization.unmarshal(json, Map.class)} gives), with apiVersion and kind set.
     *
     * @throws IllegalArgumentException with one plain sentence when the body is not a Kubernetes protobuf envelope or
     *     names a kind it cannot decode
     */
    public static Map<String, Object> decode(byte[] body) {
        Envelope envelope = envelope(body);
        String apiVersion = envelope.apiVersion();
        String kind = envelope.kind();
        if (!envelope.contentEncoding().isEmpty()) {
            throw new IllegalArgumentException("The protobuf body for " + kind + " uses the content encoding "
                    + envelope.contentEncoding() + ", which the sandbox cannot read.");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        String contentType = envelope.contentType();
        if (contentType.isEmpty() || isProtobuf(contentType)) {
            object.putAll(MessageJson.object(parse(objectType(apiVersion, kind), envelope.raw())));
        } else if (contentType.startsWith("application/json")) {
            object.putAll(json(envelope.raw(), kind));
        } else {
            throw new IllegalArgumentException("The protobuf body for " + kind + " carries " + contentType
                    + " content, which the sandbox cannot read.");
        }
        // The envelope's typeMeta is the truth: the object's own apiVersion/kind are empty on the wire.
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        return object;
    }

    /**
     * The runtime.Unknown after the prefix. Parsed as a DynamicMessage over the library's descriptor, as the object is:
     * the library's generated parsers predate protobuf 3.21.7 and protobuf-java warns of them (GHSA-h4h5-3hr4-j3g2),
     * while its descriptors are all this needs.
     */
    private static Envelope envelope(byte[] body) {
        if (body == null || body.length < PREFIX.length || !Arrays.equals(Arrays.copyOf(body, PREFIX.length), PREFIX)) {
            throw new IllegalArgumentException(
                    "The body is not a Kubernetes protobuf object: it does not start with the k8s\\0 prefix.");
        }
        DynamicMessage unknown;
        try {
            unknown = DynamicMessage.parseFrom(
                    Runtime.Unknown.getDescriptor(),
                    ByteString.copyFrom(body, PREFIX.length, body.length - PREFIX.length));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    "The body is not a Kubernetes protobuf envelope: its runtime.Unknown does not parse.", e);
        }
        Message typeMeta = (Message) field(unknown, "typeMeta");
        Envelope envelope = new Envelope(
                (String) field(typeMeta, "apiVersion"),
                (String) field(typeMeta, "kind"),
                (ByteString) field(unknown, "raw"),
                (String) field(unknown, "contentEncoding"),
                (String) field(unknown, "contentType"));
        if (envelope.kind().isEmpty() || envelope.apiVersion().isEmpty()) {
            throw new IllegalArgumentException("The protobuf envelope does not name the object's apiVersion and kind.");
        }
        return envelope;
    }

    private record Envelope(
            String apiVersion, String kind, ByteString raw, String contentEncoding, String contentType) {}

    private static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    /** The message type of a top-level object (one with ObjectMeta), so a body cannot name e.g. a Container. */
    private static Descriptor objectType(String apiVersion, String kind) {
        FileDescriptor file = GROUP_VERSIONS.get(apiVersion);
        Descriptor type = file == null ? null : file.findMessageTypeByName(kind);
        FieldDescriptor metadata = type == null ? null : type.findFieldByName("metadata");
        if (metadata == null
                || metadata.getType() != FieldDescriptor.Type.MESSAGE
                || !metadata.getMessageType().getFullName().equals(OBJECT_META)) {
            throw new IllegalArgumentException(
                    "The protobuf body holds a " + apiVersion + " " + kind + ", a kind the sandbox cannot decode.");
        }
        return type;
    }

    private static DynamicMessage parse(Descriptor type, ByteString raw) {
        try {
            return DynamicMessage.parseFrom(type, raw);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    "The protobuf body does not parse as the " + type.getName() + " its envelope names.", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(ByteString raw, String kind) {
        try {
            return Serialization.unmarshal(raw.toString(StandardCharsets.UTF_8), Map.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The JSON inside the protobuf body for " + kind + " does not parse.", e);
        }
    }
}
