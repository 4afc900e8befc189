package dev.meridian.installer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlRendererTest {

    @Test
    void rendersOneDocumentPerObjectThatParsesBackToTheSameObjects() {
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .clusterIssuer("le")
                .build();
        List<HasMetadata> objects = AgentManifests.build(spec);

        String yaml = YamlRenderer.render(objects);

        assertThat(yaml.lines().filter(l -> l.equals("---"))).hasSize(objects.size());
        List<HasMetadata> parsed = new KubernetesSerialization().unmarshal(yaml);
        assertThat(parsed).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(objects);
        assertThat(yaml)
                .as("numeric strings stay strings for kubectl")
                .contains("nginx.ingress.kubernetes.io/proxy-read-timeout: '43200'")
                .contains("nginx.ingress.kubernetes.io/proxy-buffers-number: 8 32k");
    }
}
