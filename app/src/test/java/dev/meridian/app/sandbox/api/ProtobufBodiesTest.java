package dev.meridian.app.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Networking;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtobufBodiesTest {

    /** The wire form kubectl sends: k8s\0, then a runtime.Unknown naming the kind and holding the object. */
    static byte[] envelope(String apiVersion, String kind, Message object) {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(
                        Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(object.toByteString())
                .build();
        return prefixed(unknown);
    }

    /** What the API server reads for the same object sent as JSON: the tree to compare with. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return Serialization.unmarshal(text.replace('\'', '"'), Map.class);
    }

    private static IntOrString intOrString(String value) {
        return IntOrString.newBuilder().setType(1).setStrVal(value).build();
    }

    private static IntOrString intOrString(int value) {
        return IntOrString.newBuilder().setType(0).setIntVal(value).build();
    }

    private static Quantity quantity(String value) {
        return Quantity.newBuilder().setString(value).build();
    }

    @Test
    void secretDataIsBase64AndEmptyStringsFromGoAreOmitted() {
        V1.Secret secret = V1.Secret.newBuilder()
                // Go writes every non-pointer string: an unset namespace arrives as ""
                .setMetadata(Meta.ObjectMeta.newBuilder()
                        .setName("db")
                        .setNamespace("")
                        .setGeneration(0)
                        .setCreationTimestamp(Meta.Time.getDefaultInstance()))
                .putData("password", ByteString.copyFrom(new byte[] {'s', 'e', 'c', 0, (byte) 0xff}))
                .putData("empty", ByteString.EMPTY)
                .setType("Opaque")
                .build();

        assertThat(ProtobufBodies.decode(envelope("v1", "Secret", secret)))
                .isEqualTo(json("{'apiVersion':'v1','kind':'Secret','metadata':{'name':'db','generation':0},"
                        + "'data':{'password':'c2VjAP8=','empty':''},'type':'Opaque'}"));
    }

    @Test
    void deploymentWithIntOrStringQuantitiesInt64AndNestedMapsAndLists() {
        V1.Container container = V1.Container.newBuilder()
                .setName("web")
                .setImage("nginx:1.27")
                .addArgs("--port=8080")
                .addEnv(V1.EnvVar.newBuilder().setName("MODE").setValue("prod"))
                .addPorts(V1.ContainerPort.newBuilder().setContainerPort(8080).setProtocol("TCP"))
                .setResources(V1.ResourceRequirements.newBuilder()
                        .putLimits("cpu", quantity("500m"))
                        .putLimits("memory", quantity("128Mi")))
                .build();
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder()
                        .setName("web")
                        .putLabels("app", "web")
                        .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(1796637600L)))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(0)
                        .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", "web"))
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder()
                                .setType("RollingUpdate")
                                .setRollingUpdate(V1Apps.RollingUpdateDeployment.newBuilder()
                                        .setMaxSurge(intOrString("25%"))
                                        .setMaxUnavailable(intOrString(0))))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(Meta.ObjectMeta.newBuilder().putLabels("app", "web"))
                                .setSpec(V1.PodSpec.newBuilder()
                                        .addContainers(container)
                                        .setTerminationGracePeriodSeconds(30L)
                                        .setActiveDeadlineSeconds(5_000_000_000L))))
                .build();

        assertThat(ProtobufBodies.decode(envelope("apps/v1", "Deployment", deployment)))
                .isEqualTo(
                        json(
                                "{'apiVersion':'apps/v1','kind':'Deployment',"
                                        + "'metadata':{'name':'web','creationTimestamp':'2026-12-07T10:00:00Z','labels':{'app':'web'}},"
                                        + "'spec':{'replicas':0,'selector':{'matchLabels':{'app':'web'}},"
                                        + "'template':{'metadata':{'labels':{'app':'web'}},'spec':{"
                                        + "'containers':[{'name':'web','image':'nginx:1.27','args':['--port=8080'],"
                                        + "'ports':[{'containerPort':8080,'protocol':'TCP'}],'env':[{'name':'MODE','value':'prod'}],"
                                        + "'resources':{'limits':{'cpu':'500m','memory':'128Mi'}}}],"
                                        + "'terminationGracePeriodSeconds':30,'activeDeadlineSeconds':5000000000}},"
                                        + "'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxUnavailable':0,'maxSurge':'25%'}}}}"));
    }

    @Test
    void serviceTargetPortByNameAndByNumber() {
        V1.Service service = V1.Service.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("web").setNamespace("shop"))
                .setSpec(V1.ServiceSpec.newBuilder()
                        .setType("ClusterIP")
                        .putSelector("app", "web")
                        .addPorts(V1.ServicePort.newBuilder()
                                .setName("http")
                                .setPort(80)
                                .setTargetPort(intOrString("http")))
                        .addPorts(V1.ServicePort.newBuilder()
                                .setName("metrics")
                                .setPort(9090)
                                .setTargetPort(intOrString(9091))))
                .build();

        assertThat(ProtobufBodies.decode(envelope("v1", "Service", service)))
                .isEqualTo(json("{'apiVersion':'v1','kind':'Service','metadata':{'name':'web','namespace':'shop'},"
                        + "'spec':{'ports':[{'name':'http','port':80,'targetPort':'http'},"
                        + "{'name':'metrics','port':9090,'targetPort':9091}],"
                        + "'selector':{'app':'web'},'type':'ClusterIP'}}"));
    }

    @Test
    void inlinedStructsSitInTheirParentAsInKubernetesJson() {
        V1.PodSpec spec = V1.PodSpec.newBuilder()
                .addContainers(V1.Container.newBuilder()
                        .setName("app")
                        .setLivenessProbe(V1.Probe.newBuilder()
                                .setHandler(V1.ProbeHandler.newBuilder()
                                        .setHttpGet(V1.HTTPGetAction.newBuilder()
                                                .setPath("/healthz")
                                                .setPort(intOrString(8080))))
                                .setPeriodSeconds(10))
                        .addEnv(V1.EnvVar.newBuilder()
                                .setName("TOKEN")
                                .setValueFrom(V1.EnvVarSource.newBuilder()
                                        .setSecretKeyRef(V1.SecretKeySelector.newBuilder()
                                                .setLocalObjectReference(V1.LocalObjectReference.newBuilder()
                                                        .setName("creds"))
                                                .setKey("token")))))
                .addVolumes(V1.Volume.newBuilder()
                        .setName("scratch")
                        .setVolumeSource(
                                V1.VolumeSource.newBuilder().setEmptyDir(V1.EmptyDirVolumeSource.newBuilder())))
                .build();
        V1.Pod pod = V1.Pod.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("p"))
                .setSpec(spec)
                .build();

        assertThat(ProtobufBodies.decode(envelope("v1", "Pod", pod)))
                .isEqualTo(json("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{"
                        + "'volumes':[{'name':'scratch','emptyDir':{}}],"
                        + "'containers':[{'name':'app','env':[{'name':'TOKEN','valueFrom':"
                        + "{'secretKeyRef':{'name':'creds','key':'token'}}}],"
                        + "'livenessProbe':{'httpGet':{'path':'/healthz','port':8080},'periodSeconds':10}}]}}"));
    }

    @Test
    void specialTypesMicroTimeRawExtensionFieldsV1AndTheRenamedApiGroup() {
        V1.Event event = V1.Event.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder()
                        .setName("e")
                        .addManagedFields(Meta.ManagedFieldsEntry.newBuilder()
                                .setManager("kubectl")
                                .setTime(Meta.Time.newBuilder().setSeconds(0))
                                .setFieldsV1(
                                        Meta.FieldsV1.newBuilder().setRaw(ByteString.copyFromUtf8("{\"f:data\":{}}")))))
                .setEventTime(
                        Meta.MicroTime.newBuilder().setSeconds(1796637600L).setNanos(123_456_789))
                .setCount(1)
                .build();
        assertThat(ProtobufBodies.decode(envelope("v1", "Event", event)))
                .isEqualTo(json("{'apiVersion':'v1','kind':'Event','metadata':{'name':'e','managedFields':"
                        + "[{'manager':'kubectl','time':'1970-01-01T00:00:00Z','fieldsV1':{'f:data':{}}}]},"
                        + "'count':1,'eventTime':'2026-12-07T10:00:00.123456Z'}"));

        V1Apps.ControllerRevision revision = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("r"))
                .setData(Runtime.RawExtension.newBuilder()
                        .setRaw(ByteString.copyFrom("{\"spec\":{\"n\":[1,\"a\"]}}", StandardCharsets.UTF_8)))
                .setRevision(3_000_000_000L)
                .build();
        assertThat(ProtobufBodies.decode(envelope("apps/v1", "ControllerRevision", revision)))
                .isEqualTo(json("{'apiVersion':'apps/v1','kind':'ControllerRevision','metadata':{'name':'r'},"
                        + "'data':{'spec':{'n':[1,'a']}},'revision':3000000000}"));

        V1Networking.IngressClass ingressClass = V1Networking.IngressClass.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("nginx"))
                .setSpec(V1Networking.IngressClassSpec.newBuilder()
                        .setController("k8s.io/ingress-nginx")
                        .setParameters(V1Networking.IngressClassParametersReference.newBuilder()
                                .setAPIGroup("k8s.example.com")
                                .setKind("Params")
                                .setName("p")))
                .build();
        assertThat(ProtobufBodies.decode(envelope("networking.k8s.io/v1", "IngressClass", ingressClass)))
                .isEqualTo(
                        json("{'apiVersion':'networking.k8s.io/v1','kind':'IngressClass','metadata':{'name':'nginx'},"
                                + "'spec':{'controller':'k8s.io/ingress-nginx',"
                                + "'parameters':{'apiGroup':'k8s.example.com','kind':'Params','name':'p'}}}"));
    }

    @Test
    void refusesWhatIsNotAKubernetesProtobufObject() {
        assertThatThrownBy(() -> ProtobufBodies.decode("{\"kind\":\"Namespace\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The body is not a Kubernetes protobuf object: it does not start with the k8s\\0 prefix.");
        assertThatThrownBy(() -> ProtobufBodies.decode(new byte[] {'k', '8', 's', 0, (byte) 0x0a, 0x7f}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The body is not a Kubernetes protobuf envelope");
        V1.Namespace namespace = V1.Namespace.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("x"))
                .build();
        assertThatThrownBy(() -> ProtobufBodies.decode(envelope("apps/v2", "Namespace", namespace)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The protobuf body holds a apps/v2 Namespace, a kind the sandbox cannot decode.");
        // a kind of a served group that is not a top-level object
        assertThatThrownBy(() -> ProtobufBodies.decode(envelope("v1", "Container", V1.Container.getDefaultInstance())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v1 Container");
    }

    @Test
    void namespaceAsKubectlCreateNamespaceSendsIt() {
        V1.Namespace namespace = V1.Namespace.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("x"))
                .setSpec(V1.NamespaceSpec.getDefaultInstance())
                .setStatus(V1.NamespaceStatus.getDefaultInstance())
                .build();
        assertThat(ProtobufBodies.decode(envelope("v1", "Namespace", namespace)))
                .isEqualTo(
                        json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'x'},'spec':{},'status':{}}"));
    }

    @Test
    void anEnvelopeHoldingJsonIsReadAsJsonAndAnEncodedOneIsRefused() {
        Runtime.Unknown.Builder unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("ConfigMap"))
                .setRaw(ByteString.copyFromUtf8("{\"metadata\":{\"name\":\"c\"},\"data\":{\"a\":\"1\"}}"))
                .setContentType("application/json");
        assertThat(ProtobufBodies.decode(prefixed(unknown.build())))
                .isEqualTo(json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'1'}}"));

        assertThatThrownBy(() -> ProtobufBodies.decode(
                        prefixed(unknown.setContentEncoding("gzip").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "The protobuf body for ConfigMap uses the content encoding gzip, which the sandbox cannot read.");
    }

    private static byte[] prefixed(Runtime.Unknown unknown) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'k', '8', 's', 0});
        out.writeBytes(unknown.toByteArray());
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "application/vnd.kubernetes.protobuf, true",
        "Application/VND.Kubernetes.Protobuf, true",
        "application/vnd.kubernetes.protobuf; charset=binary, true",
        "application/json, false",
        "application/apply-patch+yaml, false",
        "application/vnd.kubernetes.protobuf.other, false",
        "'', false",
    })
    void recognisesTheProtobufMediaType(String contentType, boolean protobuf) {
        assertThat(ProtobufBodies.isProtobuf(contentType)).isEqualTo(protobuf);
    }

    @Test
    void nullContentTypeIsNotProtobuf() {
        assertThat(ProtobufBodies.isProtobuf(null)).isFalse();
    }
}
