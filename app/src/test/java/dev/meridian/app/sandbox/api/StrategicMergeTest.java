package dev.meridian.app.sandbox.api;

import static dev.meridian.app.sandbox.api.ApiFixtures.at;
import static dev.meridian.app.sandbox.api.ApiFixtures.container;
import static dev.meridian.app.sandbox.api.ApiFixtures.deployment;
import static dev.meridian.app.sandbox.api.ApiFixtures.json;
import static dev.meridian.app.sandbox.api.ApiFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {
    private static Map<String, Object> patchDeployment(Map<String, Object> live, String patch) {
        return StrategicMerge.apply(live, json(patch), "apps/v1", "Deployment");
    }

    private static List<Object> names(List<Map<String, Object>> items, String key) {
        return items.stream().map(item -> item.get(key)).toList();
    }

    @Test
    void kubectlApplySecondRunChangesImageDropsEnvAndLabelAndAddsPort() {
        Map<String, Object> live = deployment();
        // What kubectl 1.32 sends (CreateThreeWayMergePatch) when the manifest changes the image,
        // drops env B and the tier label, and adds port 9090.
        Map<String, Object> result = patchDeployment(live, """
                {'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'manifest v2'},
                   'labels':{'tier':null}},
                 'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'app'}],
                   'containers':[{'$setElementOrder/env':[{'name':'A'}],
                     '$setElementOrder/ports':[{'containerPort':8080},{'containerPort':9090}],
                     'env':[{'$patch':'delete','name':'B'}],'image':'x:2','name':'app',
                     'ports':[{'containerPort':9090}]}]}}}}
                """);

        assertThat(at(result, "metadata", "labels")).isEqualTo(Map.of("app", "web"));
        assertThat(at(result, "metadata", "annotations"))
                .containsEntry("kubectl.kubernetes.io/last-applied-configuration", "manifest v2");
        Map<String, Object> app = container(result, "app");
        assertThat(app).containsEntry("image", "x:2").containsEntry("args", List.of("--listen", ":8080"));
        assertThat(app.get("env")).isEqualTo(List.of(Map.of("name", "A", "value", "1")));
        assertThat(app.get("ports"))
                .isEqualTo(List.of(Map.of("containerPort", 8080, "protocol", "TCP"), Map.of("containerPort", 9090)));
        assertThat(at(result, "spec")).containsEntry("replicas", 2);
        assertThat(at(result, "status")).containsEntry("readyReplicas", 2);
        assertThat(container(live, "app")).as("the live input is not changed").containsEntry("image", "x:1");
    }

    @Test
    void kubectlPatchOfOneContainerImageMergesByName() {
        Map<String, Object> result = patchDeployment(
                deployment(), "{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'x:2'}]}}}}");

        Map<String, Object> expected = deployment();
        container(expected, "app").put("image", "x:2");
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void aNewContainerWithoutOrderGoesBeforeTheLiveOnesAsTheApiServerPutsIt() {
        Map<String, Object> result = patchDeployment(
                deployment(), "{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','image':'s:1'}]}}}}");

        assertThat(names(list(result, "spec", "template", "spec", "containers"), "name"))
                .containsExactly("sidecar", "app");
    }

    @Test
    void setElementOrderOrdersTheMergedList() {
        Map<String, Object> result = patchDeployment(deployment(), """
                {'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'app'},{'name':'sidecar'}],
                  'containers':[{'name':'sidecar','image':'s:1'}]}}}}
                """);

        assertThat(names(list(result, "spec", "template", "spec", "containers"), "name"))
                .containsExactly("app", "sidecar");
    }

    @Test
    void setElementOrderThatDisagreesWithThePatchListIsRefused() {
        assertThatThrownBy(() -> patchDeployment(deployment(), """
                        {'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'}],
                          'containers':[{'name':'b'},{'name':'a'}]}}}}
                        """))
                .isInstanceOfSatisfying(
                        PatchException.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void nullDeletesAKey() {
        Map<String, Object> result = patchDeployment(deployment(), "{'spec':{'replicas':null}}");

        assertThat(at(result, "spec")).doesNotContainKey("replicas").containsKey("template");
    }

    @Test
    void patchReplaceInAMapReplacesIt() {
        Map<String, Object> result =
                patchDeployment(deployment(), "{'metadata':{'labels':{'$patch':'replace','app':'web','v':'2'}}}");

        assertThat(at(result, "metadata", "labels")).isEqualTo(Map.of("app", "web", "v", "2"));
    }

    @Test
    void patchDeleteInAMapEmptiesIt() {
        Map<String, Object> result = patchDeployment(deployment(), "{'metadata':{'labels':{'$patch':'delete'}}}");

        assertThat(at(result, "metadata", "labels")).isEmpty();
    }

    @Test
    void patchMergeInAMapMergesAsWithoutIt() {
        Map<String, Object> result =
                patchDeployment(deployment(), "{'metadata':{'labels':{'$patch':'merge','v':'2'}}}");

        assertThat(at(result, "metadata", "labels")).isEqualTo(Map.of("app", "web", "tier", "frontend", "v", "2"));
    }

    @Test
    void patchDeleteInAListItemRemovesThatItem() {
        Map<String, Object> result = patchDeployment(
                deployment(), "{'spec':{'template':{'spec':{'volumes':[{'$patch':'delete','name':'cfg'}]}}}}");

        assertThat(list(result, "spec", "template", "spec", "volumes")).isEmpty();
    }

    @Test
    void patchReplaceInAListReplacesTheWholeList() {
        Map<String, Object> result = patchDeployment(deployment(), """
                {'spec':{'template':{'spec':{'containers':[{'$patch':'replace'},{'name':'only','image':'o:1'}]}}}}
                """);

        assertThat(list(result, "spec", "template", "spec", "containers"))
                .isEqualTo(List.of(Map.of("name", "only", "image", "o:1")));
    }

    @Test
    void retainKeysDropsTheFieldsItDoesNotName() {
        Map<String, Object> result = patchDeployment(
                deployment(), "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate','rollingUpdate':null}}}");

        assertThat(at(result, "spec", "strategy")).isEqualTo(Map.of("type", "Recreate"));
    }

    @Test
    void retainKeysMustNameEveryFieldThePatchSets() {
        assertThatThrownBy(() -> patchDeployment(
                        deployment(), "{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':{'maxSurge':1}}}}"))
                .isInstanceOfSatisfying(
                        PatchException.class, e -> assertThat(e.code()).isEqualTo(422));
    }

    @Test
    void retainKeysInAVolumeSwitchesItsSource() {
        // kubectl's patch when a manifest turns volume cfg from a ConfigMap into a Secret.
        Map<String, Object> result = patchDeployment(deployment(), """
                {'spec':{'template':{'spec':{'$setElementOrder/volumes':[{'name':'cfg'}],
                  'volumes':[{'$retainKeys':['name','secret'],'configMap':null,'name':'cfg','secret':{'secretName':'web'}}]}}}}
                """);

        assertThat(list(result, "spec", "template", "spec", "volumes"))
                .isEqualTo(List.of(Map.of("name", "cfg", "secret", Map.of("secretName", "web"))));
    }

    @Test
    void finalizersMergeAsASetAndDeleteFromPrimitiveListRemovesValues() {
        Map<String, Object> live =
                json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','finalizers':['a','b']}}");

        Map<String, Object> added =
                StrategicMerge.apply(live, json("{'metadata':{'finalizers':['b','c']}}"), "v1", "ConfigMap");
        Map<String, Object> removed = StrategicMerge.apply(
                added, json("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a','x']}}"), "v1", "ConfigMap");

        // "a" stays before "b", which followed it in the live list; "c" is new and comes last.
        assertThat(at(added, "metadata").get("finalizers")).isEqualTo(List.of("a", "b", "c"));
        assertThat(at(removed, "metadata").get("finalizers")).isEqualTo(List.of("b", "c"));
    }

    @Test
    void listsWithoutMergeKeyAreReplaced() {
        Map<String, Object> result = patchDeployment(deployment(), """
                {'spec':{'template':{'spec':{'tolerations':[{'key':'b','operator':'Exists'}],
                  'containers':[{'name':'app','args':['--quiet']}]}}}}
                """);

        assertThat(list(result, "spec", "template", "spec", "tolerations"))
                .isEqualTo(List.of(Map.of("key", "b", "operator", "Exists")));
        assertThat(container(result, "app").get("args")).isEqualTo(List.of("--quiet"));
    }

    @Test
    void aCronJobsJobTemplateMergesContainersByNameLikeAPod() {
        Map<String, Object> cron = json("""
                {'apiVersion':'batch/v1','kind':'CronJob','metadata':{'name':'nightly'},
                 'spec':{'schedule':'0 0 * * *','jobTemplate':{'spec':{'template':{'spec':{
                   'containers':[{'name':'job','image':'j:1','env':[{'name':'A','value':'1'}]}]}}}}}}
                """);

        Map<String, Object> result = StrategicMerge.apply(cron, json("""
                {'spec':{'jobTemplate':{'spec':{'template':{'spec':{
                  'containers':[{'name':'job','env':[{'name':'B','value':'2'}]}]}}}}}}
                """), "batch/v1", "CronJob");

        Map<String, Object> job = list(result, "spec", "jobTemplate", "spec", "template", "spec", "containers")
                .get(0);
        assertThat(job).containsEntry("image", "j:1");
        assertThat(names(list(job, "env"), "name")).containsExactly("B", "A");
    }

    @Test
    void customResourcesAreRefusedWith415() {
        assertThatThrownBy(() -> StrategicMerge.apply(
                        json("{'spec':{}}"), json("{'spec':{'a':1}}"), "management.loft.sh/v1", "Cluster"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.code()).isEqualTo(415);
                    assertThat(e.reason()).isEqualTo("UnsupportedMediaType");
                });
    }

    @Test
    void aMergedListItemWithoutItsMergeKeyIsRefused() {
        assertThatThrownBy(() -> patchDeployment(
                        deployment(), "{'spec':{'template':{'spec':{'containers':[{'image':'x:2'}]}}}}"))
                .isInstanceOfSatisfying(PatchException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("merge key: name");
                });
    }

    @Test
    void anUnknownDirectiveIsABadRequest() {
        assertThatThrownBy(() -> patchDeployment(deployment(), "{'spec':{'$patch':'explode'}}"))
                .isInstanceOfSatisfying(
                        PatchException.class, e -> assertThat(e.code()).isEqualTo(400));
    }
}
