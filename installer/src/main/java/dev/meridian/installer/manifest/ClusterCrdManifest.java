package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;

/**
 * {@code clusters.management.loft.sh}: the vCluster Platform shape of a connected cluster, so any
 * Kubernetes cluster can be Meridian's management plane. Unknown fields are preserved so objects
 * written by newer tools survive a round trip.
 */
final class ClusterCrdManifest {

    static final String GROUP = "management.loft.sh";

    private ClusterCrdManifest() {}

    static CustomResourceDefinition build() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("clusters." + GROUP)
                .withLabels(AgentNames.labels())
                .endMetadata()
                .withNewSpec()
                .withGroup(GROUP)
                .withScope("Cluster")
                .withNewNames()
                .withKind("Cluster")
                .withListKind("ClusterList")
                .withPlural("clusters")
                .withSingular("cluster")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .withNewSubresources()
                .withNewStatus()
                .endStatus()
                .endSubresources()
                .addNewAdditionalPrinterColumn()
                .withName("Display Name")
                .withType("string")
                .withJsonPath(".spec.displayName")
                .endAdditionalPrinterColumn()
                .addNewAdditionalPrinterColumn()
                .withName("Phase")
                .withType("string")
                .withJsonPath(".status.phase")
                .endAdditionalPrinterColumn()
                .addNewAdditionalPrinterColumn()
                .withName("Age")
                .withType("date")
                .withJsonPath(".metadata.creationTimestamp")
                .endAdditionalPrinterColumn()
                .withNewSchema()
                .withOpenAPIV3Schema(rootSchema())
                .endSchema()
                .endVersion()
                .endSpec()
                .build();
    }

    private static JSONSchemaProps rootSchema() {
        return new JSONSchemaPropsBuilder()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .addToProperties("spec", spec())
                .addToProperties("status", status())
                .build();
    }

    private static JSONSchemaProps spec() {
        return open().addToProperties("displayName", string("Name shown in user interfaces."))
                .addToProperties("description", string("Free text describing the cluster."))
                .addToProperties(
                        "owner",
                        open().addToProperties("user", string("Owning user."))
                                .addToProperties("team", string("Owning team."))
                                .build())
                .addToProperties(
                        "config",
                        open().withDescription(
                                        "The Secret in the management cluster holding the kubeconfig that reaches the cluster.")
                                .addToProperties("secretName", string("Name of the Secret."))
                                .addToProperties("secretNamespace", string("Namespace of the Secret."))
                                .addToProperties("key", string("Key of the kubeconfig inside the Secret."))
                                .build())
                .addToProperties(
                        "local",
                        new JSONSchemaPropsBuilder()
                                .withType("boolean")
                                .withDescription("True when the cluster is the management cluster itself.")
                                .build())
                .addToProperties(
                        "managementNamespace", string("Namespace of the agent in the cluster (default vcluster-pro)."))
                .addToProperties(
                        "access",
                        new JSONSchemaPropsBuilder()
                                .withType("array")
                                .withNewItems()
                                .withNewSchema()
                                .withType("object")
                                .withXKubernetesPreserveUnknownFields(true)
                                .endSchema()
                                .endItems()
                                .withDescription("Who may access the cluster.")
                                .build())
                .build();
    }

    private static JSONSchemaProps status() {
        return open().addToProperties("phase", string("'' while initializing, Initialized or Failed."))
                .addToProperties("reason", string("Machine-readable reason for the phase."))
                .addToProperties("message", string("Human-readable detail."))
                .build();
    }

    private static JSONSchemaPropsBuilder open() {
        return new JSONSchemaPropsBuilder().withType("object").withXKubernetesPreserveUnknownFields(true);
    }

    private static JSONSchemaProps string(String description) {
        return new JSONSchemaPropsBuilder()
                .withType("string")
                .withDescription(description)
                .build();
    }
}
