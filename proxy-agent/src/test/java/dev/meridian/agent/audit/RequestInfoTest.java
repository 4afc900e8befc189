package dev.meridian.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestInfoTest {

    @ParameterizedTest(name = "{0} {1}?{2} -> {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "GET,    /api/v1/namespaces,                       limit=500,  list,             -,      namespaces, -",
                "GET,    /api/v1/namespaces/a,                     -,          get,              a,      namespaces, a",
                "GET,    /api/v1/namespaces/a/pods,                watch=true, watch,            a,      pods,       -",
                "GET,    /api/v1/namespaces/a/pods/p,              -,          get,              a,      pods,       p",
                "POST,   /api/v1/namespaces/a/configmaps,          -,          create,           a,      configmaps, -",
                "PATCH,  /apis/apps/v1/namespaces/a/deployments/d, -,          patch,            a,      deployments, d",
                "DELETE, /apis/apps/v1/namespaces/a/deployments,   -,          deletecollection, a,      deployments, -",
                "PUT,    /apis/management.loft.sh/v1/clusters/c,   -,          update,           -,      clusters,   c",
                "GET,    /api/v1/namespaces/a/pods/p/log,          -,          get,              a,      pods,       p",
                "GET,    /api/v1/namespaces/a/services/s/proxy/x/y/z/w, -,     get,              a,      services,   s",
                "GET,    /api/v1/nodes/n/proxy/metrics/a/b/c/d,    -,          get,              -,      nodes,      n",
                "HEAD,   //api//v1/namespaces,                     watch=1,    watch,            -,      namespaces, -",
                "OPTIONS, /api/v1/pods,                            -,          options,          -,      pods,       -",
                "get,    /api/v1/namespaces/a,                     -,          get,              a,      namespaces, a",
                "GET,    /version,                                 -,          get,              -,      -,          -",
                "GET,    /apis/apps,                               -,          get,              -,      -,          -",
                "GET,    /api,                                     -,          get,              -,      -,          -",
            })
    void readsVerbAndObjectLikeTheApiServer(
            String method, String path, String query, String verb, String ns, String resource, String name) {
        RequestInfo info = RequestInfo.of(method, path, query);
        assertThat(info.verb()).isEqualTo(verb);
        assertThat(info.namespace()).isEqualTo(ns);
        assertThat(info.resource()).isEqualTo(resource);
        assertThat(info.name()).isEqualTo(name);
        assertThat(info.isResourceRequest()).isEqualTo(resource != null);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                "/api/v1/namespaces/a/pods/p/exec,        v1, '',   exec",
                "/apis/apps/v1/namespaces/a/deployments/d/scale, v1, apps, scale",
                "/apis/apps/v1/deployments,               v1, apps, -",
            })
    void readsGroupVersionAndSubresource(String path, String version, String group, String sub) {
        RequestInfo info = RequestInfo.of("GET", path, null);
        assertThat(info.apiVersion()).isEqualTo(version);
        assertThat(info.apiGroup()).isEqualTo(group);
        assertThat(info.subresource()).isEqualTo(sub);
    }
}
