package dev.meridian.app.sandbox.api;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;

/** JSON trees for the patch and apply tests, read the way the simulated API server reads bodies. */
final class ApiFixtures {
    private ApiFixtures() {}

    /** Parses JSON written with single quotes, to keep the tests' JSON readable. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String singleQuoted) {
        return Serialization.unmarshal(singleQuoted.replace('\'', '"'), Map.class);
    }

    /** A Deployment as the sandbox stores it after a first {@code kubectl apply} and a rollout. */
    static Map<String, Object> deployment() {
        return json("""
                {'apiVersion':'apps/v1','kind':'Deployment',
                 'metadata':{'name':'web','namespace':'shop','uid':'u-1','resourceVersion':'7','generation':1,
                   'labels':{'app':'web','tier':'frontend'},
                   'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}'}},
                 'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},
                   'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},
                   'template':{'metadata':{'labels':{'app':'web'}},
                     'spec':{'containers':[{'name':'app','image':'x:1',
                        'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],
                        'ports':[{'containerPort':8080,'protocol':'TCP'}],
                        'args':['--listen',':8080']}],
                       'volumes':[{'name':'cfg','configMap':{'name':'web'}}],
                       'tolerations':[{'key':'a','operator':'Exists'}]}}},
                 'status':{'replicas':2,'readyReplicas':2,
                   'conditions':[{'type':'Available','status':'True'},{'type':'Progressing','status':'True'}]}}
                """);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> object, String... path) {
        Object value = object;
        for (String step : path) {
            value = ((Map<String, Object>) value).get(step);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> object, String... path) {
        Map<String, Object> parent = at(object, java.util.Arrays.copyOf(path, path.length - 1));
        return (List<Map<String, Object>>) parent.get(path[path.length - 1]);
    }

    /** The pod spec's container named {@code name} in a Deployment. */
    static Map<String, Object> container(Map<String, Object> deployment, String name) {
        return list(deployment, "spec", "template", "spec", "containers").stream()
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow();
    }
}
