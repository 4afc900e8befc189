package dev.meridian.agent.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/,                                         /",
        "/kubernetes/cluster,                       /kubernetes/cluster",
        "/kubernetes/cluster/,                      /kubernetes/cluster/",
        "//kubernetes///cluster//api,               /kubernetes/cluster/api",
        "/kubernetes/cluster/./api/./v1,            /kubernetes/cluster/api/v1",
        "/kubernetes/cluster/api/x/../v1,           /kubernetes/cluster/api/v1",
        "/kubernetes/cluster/%61pi/v1,              /kubernetes/cluster/api/v1",
        "/kubernetes/cluster/api/v1/namespaces/%7Ea, /kubernetes/cluster/api/v1/namespaces/~a",
        "/a/b%20c,                                  /a/b%20c",
        "/a/%C3%A9,                                 /a/%C3%A9",
        "/a/b:c@d,                                  /a/b:c@d",
    })
    void normalisesEquivalentSpellingsToOneForm(String raw, String expected) {
        assertThat(PathNormalizer.normalize(raw)).isEqualTo(new PathNormalizer.Result.Normalized(expected));
    }

    @ParameterizedTest(name = "{0} refused")
    @CsvSource({
        "/..",
        "/a/../..",
        "/a/%2e%2e/%2E%2E",
        "/a%2Fb",
        "/a%2fb",
        "/a%5Cb",
        "/a\\b",
        "/a/%zz",
        "/a/%4",
        "/a/%00",
        "/a/%0d%0a",
        "/a/%C3",
        "relative/path",
    })
    void refusesPathsThatCannotBeNormalisedSafely(String raw) {
        assertThat(PathNormalizer.normalize(raw)).isInstanceOf(PathNormalizer.Result.Refused.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/",
                "//",
                "/a",
                "/a/",
                "/a//",
                "/a//b",
                "/.",
                "/./",
                "/..",
                "/a/.",
                "/a/..",
                "/a/./b",
                "/a/../b",
                "/a/...",
                "/a/.b",
                "/a/b.",
                "/.a/",
                "/kubernetes/cluster/api/v1/namespaces",
                "/kubernetes/cluster/apis/apps/v1/namespaces/a/deployments/d",
                "/a/b:c@d",
                "/a/b%20c",
                "/a/b c",
                "/a/b\\c",
                "/a/é",
                "/a/~-._!$&'()*+,;=",
                "/a/b?c",
                "/a/b#c",
                "/a/\t",
                "/a/%2e",
                "/a/%2F",
                "///",
                "/a/b/",
            })
    void takesTheShortcutOnlyForPathsTheFullRuleLeavesUnchanged(String raw) {
        boolean canonical = PathNormalizer.isCanonical(raw);
        PathNormalizer.Result full = PathNormalizer.bySegments(raw);
        if (canonical) {
            assertThat(full)
                    .as("a path taken as canonical must normalise to itself")
                    .isEqualTo(new PathNormalizer.Result.Normalized(raw));
        }
        assertThat(PathNormalizer.normalize(raw)).isEqualTo(full);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/healthz",
        "/kubernetes/cluster/api/v1/namespaces/default/pods",
        "/kubernetes/cluster/apis/management.loft.sh/v1/clusters/",
        "/kubernetes/cluster/api/v1/namespaces/a/pods/p:8080/proxy"
    })
    void recognisesWhatClientsUsuallySendAsCanonical(String raw) {
        assertThat(PathNormalizer.isCanonical(raw)).isTrue();
    }
}
