package dev.meridian.installer.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.installer.InstallerException.Failure;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A cluster that answered and said no is a refusal; one that did not answer (or not with a verdict) is not. */
class ClusterRefusalTest {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
        "0, UNREACHABLE",
        "400, REFUSED",
        "401, UNREACHABLE",
        "403, REFUSED",
        "404, REFUSED",
        "408, UNREACHABLE",
        "409, CONFLICT",
        "415, REFUSED",
        "422, REFUSED",
        "429, UNREACHABLE",
        "500, UNREACHABLE",
        "503, UNREACHABLE"
    })
    void eachAnswerIsItsKindOfFailure(int code, Failure failure) {
        KubernetesClientException e = new KubernetesClientException(
                "x", code, new StatusBuilder().withCode(code).withMessage("m").build());
        ObjectRef deployment = new ObjectRef("Deployment", "vcluster-pro", "loft-agent");

        assertThat(new ApplyException(deployment, e).failure()).isEqualTo(failure);
        assertThat(new ClusterAccessException("read it", e).failure()).isEqualTo(failure);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a message, its period dropped and lines joined | 'no.\n  really.' | no. really",
                "no message: the reason, in words | '' | forbidden by policy",
            })
    void theReasonIsOneLine(String name, String message, String expected) {
        KubernetesClientException e = new KubernetesClientException(
                "x",
                403,
                new StatusBuilder()
                        .withCode(403)
                        .withReason("ForbiddenByPolicy")
                        .withMessage(message)
                        .build());

        assertThat(ClusterRefusal.reason(e)).isEqualTo(expected);
        assertThat(new ApplyException(new ObjectRef("Secret", "ns", "s"), e).getMessage())
                .isEqualTo("The cluster refused to apply Secret ns/s: " + expected
                        + " (403); ask for the rights to create and patch Secret objects in namespace ns, or use a"
                        + " kube context that has them.");
    }

    /** Issue 19: fabric8's "Operation: [list] for kind: [Ingress] with name: [null]..." said less than its cause. */
    @org.junit.jupiter.api.Test
    void aRequestWithoutAnswerSaysWhatStoppedIt() {
        KubernetesClientException e = new KubernetesClientException(
                "Operation: [list]  for kind: [Ingress]  with name: [null]  in namespace: [vcluster-pro]  failed.",
                new java.io.IOException("Connection refused: /127.0.0.1:1", new java.net.ConnectException()));

        assertThat(new ClusterAccessException("list the Ingresses in namespace vcluster-pro", e).getMessage())
                .isEqualTo("failed to list the Ingresses in namespace vcluster-pro: no answer from the cluster"
                        + " (Connection refused: /127.0.0.1:1). Check that the target context reaches the cluster"
                        + " and may manage the agent's objects.");
    }
}
