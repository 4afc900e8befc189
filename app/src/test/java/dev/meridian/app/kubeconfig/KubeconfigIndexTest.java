package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The index answers as the whole parse does, or declines: names, current context and every entry,
 * on generated kubeconfigs of many shapes and on the shapes it must leave to the parser.
 */
class KubeconfigIndexTest {
    private static final Path FILE = Path.of("/test/config");
    private final YamlCodec codec = new YamlCodec();

    @Test
    void answersAsTheWholeParseOnGeneratedKubeconfigs() {
        int indexed = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            String text = ForeignKubeconfigs.generate(random, "f" + seed, seed % 3 == 0);
            // The generator ends every file with a block scalar, which the index declines: try it without too.
            String plain = text.replace("x-owner: |\n  multi\n  line\n", "x-owner: plain\n");
            String rewritten = ForeignKubeconfigs.rewriteAsAnotherTool(plain, random, seed);
            for (String variant : new String[] {text, plain, rewritten}) {
                if (sameAnswers(variant, "seed " + seed + ":\n" + variant)) {
                    indexed++;
                }
            }
        }
        assertThat(indexed).as("files the index took").isGreaterThan(100);
    }

    @Test
    void readsKubectlsLayoutAndIndentedLists() {
        String kubectl = """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: Zm9v
                    server: https://a.example.com
                  name: a
                contexts:
                - context:
                    cluster: a
                    user: a
                  name: a
                current-context: a
                kind: Config
                preferences: {}
                users:
                - name: a
                  user:
                    token: t  # a comment
                """;
        assertThat(sameAnswers(kubectl, "kubectl layout")).isTrue();
        String indented = """
                # my clusters
                apiVersion: v1
                kind: Config
                current-context: 'b c'
                clusters:
                  - name: "b c"
                    cluster:
                      server: https://b.example.com

                  # the second
                  - name: d
                    cluster:
                      server: https://d.example.com
                contexts: []
                users:
                """;
        assertThat(sameAnswers(indented, "indented lists")).isTrue();
    }

    @Test
    void declinesWhatItIsNotSureOf() {
        String[] unsure = {
            "clusters: [{name: a, cluster: {server: s}}]\n",
            "clusters:\n- &x\n  name: a\n  cluster: {server: s}\nusers:\n- *x\n",
            "clusters:\n- name: a\n  cluster:\n    server: !!str s\n",
            "clusters:\n- name: a\n  cluster:\n    certificate-authority-data: |\n      Zm9v\n",
            "clusters:\n- name: 1.2\n  cluster:\n    server: s\n",
            "clusters:\n- name: \"a\\tb\"\n  cluster:\n    server: s\n",
            "clusters:\n- name: a\n  name: b\n",
            "clusters:\n- server: s\n",
            "clusters:\n- a\n",
            "---\napiVersion: v1\n",
            "apiVersion: v1\napiVersion: v2\n",
            "current-context: a: b\n",
            "clusters:\n\t- name: a\n",
            "- name: a\n",
            "clusters:\n- name: a\n  cluster: {server: \"https://x\n",
            "clusters:\n- name: a\n  cluster:\n    server: 'https://x\n      continued'\n",
            "clusters:\n- name: a\n  cluster:\n    extensions: [a,\n      b]\n",
        };
        for (String text : unsure) {
            assertThat(KubeconfigIndex.scan(text)).as(text).isEmpty();
        }
    }

    /** Whether the index took the text; when it did, every answer must be the whole parse's. */
    private boolean sameAnswers(String text, String what) {
        Optional<KubeconfigIndex> index = KubeconfigIndex.scan(text);
        if (index.isEmpty()) {
            return false;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        MappingNode tree = (MappingNode) codec.parse(text, FILE);
        KubeconfigDocument whole = new KubeconfigDocument(FILE, bytes, tree);
        KubeconfigDocument indexed = new KubeconfigDocument(FILE, bytes, index.get(), codec);
        assertThat(indexed.currentContext()).as(what + ": current context").isEqualTo(whole.currentContext());
        for (Section section : Section.values()) {
            assertThat(indexed.names(section))
                    .as(what + ": names of " + section.key)
                    .isEqualTo(whole.names(section));
            for (String name : whole.names(section)) {
                assertThat(Nodes.sameData(
                                indexed.entry(section, name).orElseThrow(),
                                whole.entry(section, name).orElseThrow()))
                        .as(what + ": entry " + name + " of " + section.key)
                        .isTrue();
            }
        }
        return true;
    }
}
