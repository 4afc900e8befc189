package dev.meridian.app.sandbox.api;

import static dev.meridian.app.sandbox.api.ApiFixtures.at;
import static dev.meridian.app.sandbox.api.ApiFixtures.container;
import static dev.meridian.app.sandbox.api.ApiFixtures.json;
import static dev.meridian.app.sandbox.api.ApiFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {
    private static final Instant T1 = Instant.parse("2026-12-07T10:00:00.250Z");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final Instant T2 = Instant.parse("2026-12-07T11:00:00Z");

    /** The agent's Deployment as the installer applies it; {@code extra} is spliced into the container. */
    private static Map<String, Object> agent(String image, String labels, String extra) {
        return json("""
                {'apiVersion':'apps/v1','kind':'Deployment',
                 'metadata':{'name':'agent','namespace':'vcluster-pro','labels':{%s}},
                 'spec':{'replicas':1,'selector':{'matchLabels':{'app':'agent'}},
                   'template':{'metadata':{'labels':{'app':'agent'}},
                     'spec':{'containers':[{'name':'agent','image':'%s','ports':[{'containerPort':8443}]%s}]}}}}
                """.formatted(labels, image, extra));
    }

    private static Map<String, Object> v1() {
        return agent("agent:1", "'app':'agent','tier':'edge'", ",'env':[{'name':'X','value':'1'}]");
    }

    private static List<Map<String, Object>> managedFields(Map<String, Object> object) {
        return list(object, "metadata", "managedFields");
    }

    private static Map<String, Object> fieldsOf(Map<String, Object> object, String manager) {
        return managedFields(object).stream()
                .filter(e -> manager.equals(e.get("manager")))
                .findFirst()
                .map(e -> at(e, "fieldsV1"))
                .orElseThrow();
    }

    @Test
    void createRecordsTheAppliedFieldsInFieldsV1() {
        Map<String, Object> created = ServerSideApply.apply(null, v1(), "meridian", true, T1);

        Map<String, Object> withoutManaged = ManagedFields.withoutManagedFields(created);
        assertThat(withoutManaged).isEqualTo(v1());
        assertThat(managedFields(created)).hasSize(1);
        Map<String, Object> entry = managedFields(created).get(0);
        assertThat(entry)
                .containsEntry("manager", "meridian")
                .containsEntry("operation", "Apply")
                .containsEntry("apiVersion", "apps/v1")
                .containsEntry("time", "2026-12-07T10:00:00Z")
                .containsEntry("fieldsType", "FieldsV1");
        assertThat(entry.get("fieldsV1")).isEqualTo(json("""
                {'f:metadata':{'f:labels':{'f:app':{},'f:tier':{}}},
                 'f:spec':{'f:replicas':{},'f:selector':{},
                   'f:template':{'f:metadata':{'f:labels':{'f:app':{}}},
                     'f:spec':{'f:containers':{'k:{\\'name\\':\\'agent\\'}':{'.':{},'f:name':{},'f:image':{},
                       'f:env':{'k:{\\'name\\':\\'X\\'}':{'.':{},'f:name':{},'f:value':{}}},
                       'f:ports':{'k:{\\'containerPort\\':8443,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:containerPort':{}}}}}}}}}
                """.replace("\\'", "\\\"")));
    }

    @Test
    void reapplyWithoutAFieldRemovesItAndItsOwnership() {
        Map<String, Object> first = ServerSideApply.apply(null, v1(), "meridian", false, T1);

        Map<String, Object> second =
                ServerSideApply.apply(first, agent("agent:2", "'app':'agent'", ""), "meridian", false, T2);

        assertThat(at(second, "metadata", "labels")).isEqualTo(Map.of("app", "agent"));
        assertThat(container(second, "agent")).doesNotContainKey("env").containsEntry("image", "agent:2");
        assertThat(at(fieldsOf(second, "meridian"), "f:metadata", "f:labels")).containsOnlyKeys("f:app");
        assertThat(managedFields(second).get(0)).containsEntry("time", "2026-12-07T11:00:00Z");
    }

    @Test
    void aRemovedFieldAnotherManagerAlsoAppliedStays() {
        Map<String, Object> first = ServerSideApply.apply(null, v1(), "meridian", false, T1);
        Map<String, Object> labels = json("""
                {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'agent','labels':{'tier':'edge'}}}
                """);
        Map<String, Object> shared = ServerSideApply.apply(first, labels, "ops", false, T1);

        Map<String, Object> second =
                ServerSideApply.apply(shared, agent("agent:1", "'app':'agent'", ""), "meridian", false, T2);

        assertThat(at(second, "metadata", "labels")).isEqualTo(Map.of("app", "agent", "tier", "edge"));
        assertThat(at(fieldsOf(second, "ops"), "f:metadata", "f:labels")).containsOnlyKeys("f:tier");
    }

    @Test
    void changingAFieldAnotherApplierOwnsIsAConflictUnlessForced() {
        Map<String, Object> first = ServerSideApply.apply(null, v1(), "meridian", false, T1);
        Map<String, Object> scale = json("""
                {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'agent'},'spec':{'replicas':3}}
                """);

        assertThatThrownBy(() -> ServerSideApply.apply(first, scale, "autoscaler", false, T2))
                .isInstanceOfSatisfying(ApplyConflict.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("Conflict");
                    assertThat(e.getMessage())
                            .isEqualTo("Apply failed with 1 conflict: conflict with \"meridian\": .spec.replicas");
                    assertThat(e.conflicts())
                            .containsExactly(new ApplyConflict.Conflict("\"meridian\"", ".spec.replicas"));
                });

        Map<String, Object> forced = ServerSideApply.apply(first, scale, "autoscaler", true, T2);
        assertThat(at(forced, "spec")).containsEntry("replicas", 3);
        assertThat(at(fieldsOf(forced, "autoscaler"), "f:spec")).containsOnlyKeys("f:replicas");
        assertThat(at(fieldsOf(forced, "meridian"), "f:spec"))
                .doesNotContainKey("f:replicas")
                .containsKey("f:template");
    }

    @Test
    void applyingTheSameValueAnotherManagerOwnsSharesItWithoutConflict() {
        Map<String, Object> first = ServerSideApply.apply(null, v1(), "meridian", false, T1);
        Map<String, Object> same = json("""
                {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'agent'},'spec':{'replicas':1}}
                """);

        Map<String, Object> result = ServerSideApply.apply(first, same, "ops", false, T2);

        assertThat(at(fieldsOf(result, "ops"), "f:spec")).containsOnlyKeys("f:replicas");
        assertThat(at(fieldsOf(result, "meridian"), "f:spec")).containsKey("f:replicas");
    }

    @Test
    void anUpdateTakesOwnershipSoALaterApplyConflictsWithIt() {
        Map<String, Object> first = ServerSideApply.apply(null, v1(), "meridian", false, T1);
        Map<String, Object> edited = ManagedFields.withoutManagedFields(first);
        container(edited, "agent").put("image", "agent:hotfix");
        Map<String, Object> afterEdit = ServerSideApply.recordUpdate(first, edited, "kubectl-edit", T2);

        assertThat(managedFields(afterEdit)).extracting(e -> e.get("operation")).containsExactly("Apply", "Update");
        assertThatThrownBy(() ->
                        ServerSideApply.apply(afterEdit, agent("agent:2", "'app':'agent'", ""), "meridian", false, T2))
                .isInstanceOfSatisfying(
                        ApplyConflict.class,
                        e -> assertThat(e.getMessage())
                                .isEqualTo(
                                        "Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1 at"
                                                + " 2026-12-07T11:00:00Z: .spec.template.spec.containers[name=\"agent\"].image"));
    }

    @Test
    void createByUpdateOwnsEveryFieldItWrote() {
        Map<String, Object> namespace =
                json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'x','labels':{'a':'1'}}}");

        Map<String, Object> created = ServerSideApply.recordUpdate(null, namespace, "kubectl-create", T1);

        assertThat(managedFields(created))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("manager", "kubectl-create")
                        .containsEntry("operation", "Update")
                        .containsEntry("apiVersion", "v1")
                        .containsEntry("fieldsV1", json("{'f:metadata':{'f:labels':{'f:a':{}}}}")));
    }

    @Test
    void theInstallersForcedReapplyLeavesTheObjectIdenticalWithOneEntry() {
        Map<String, Object> once = ServerSideApply.apply(null, v1(), "meridian-installer", true, T1);
        Map<String, Object> live = new java.util.LinkedHashMap<>(once);
        Map<String, Object> metadata = new java.util.LinkedHashMap<>(at(once, "metadata"));
        metadata.put("uid", "u-1");
        metadata.put("resourceVersion", "5");
        live.put("metadata", metadata);
        live.put("status", json("{'readyReplicas':1}"));

        Map<String, Object> twice = ServerSideApply.apply(live, v1(), "meridian-installer", true, T2);

        assertThat(twice).isEqualTo(live);
        assertThat(managedFields(twice))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("time", "2026-12-07T10:00:00Z"));
    }

    @Test
    void finalizersAreOwnedAsSetValues() {
        Map<String, Object> applied = json("""
                {'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','finalizers':['a.io/x']},'data':{'k':'v'}}
                """);

        Map<String, Object> result = ServerSideApply.apply(null, applied, "meridian", false, T1);

        assertThat(fieldsOf(result, "meridian"))
                .isEqualTo(json("{'f:data':{'f:k':{}},'f:metadata':{'f:finalizers':{'v:\\'a.io/x\\'':{}}}}"
                        .replace("\\'", "\\\"")));
    }

    @Test
    void kubectlServerSideApplyTakesOverWhatClientSideApplySetAsTheApiServerAllows() {
        Map<String, Object> manifest = v1();
        Map<String, Object> annotated = v1();
        at(annotated, "metadata").put("annotations", Map.of(LAST_APPLIED, Serialization.asJson(manifest)));
        Map<String, Object> live = ServerSideApply.recordUpdate(null, annotated, "kubectl-client-side-apply", T1);
        Map<String, Object> changed = agent("agent:2", "'app':'agent','tier':'edge'", "");

        assertThatThrownBy(() -> ServerSideApply.apply(live, changed, "someone-else", false, T2))
                .isInstanceOf(ApplyConflict.class);
        Map<String, Object> upgraded = ServerSideApply.apply(live, changed, "kubectl", false, T2);

        assertThat(container(upgraded, "agent")).containsEntry("image", "agent:2");
        Map<String, Object> csa = at(fieldsOf(upgraded, "kubectl-client-side-apply"), "f:spec", "f:template", "f:spec");
        assertThat(csa.toString()).doesNotContain("f:image");
    }

    @Test
    void managedFieldsSentWithAnUpdateReplaceTheStoredOnes() {
        Map<String, Object> live = ServerSideApply.recordUpdate(null, v1(), "kubectl-client-side-apply", T1);
        Map<String, Object> rewritten = Json.copyMap(live);
        at(rewritten, "metadata").put("managedFields", List.of(json("""
                {'manager':'kubectl','operation':'Apply','apiVersion':'apps/v1','time':'2026-12-07T10:00:00Z',
                 'fieldsType':'FieldsV1','fieldsV1':{'f:spec':{'f:replicas':{}}}}
                """)));

        Map<String, Object> result = ServerSideApply.recordUpdate(live, rewritten, "kubectl", T2);

        assertThat(managedFields(result))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("manager", "kubectl")
                        .containsEntry("operation", "Apply")
                        .containsEntry("fieldsV1", json("{'f:spec':{'f:replicas':{}}}")));
    }

    @Test
    void anApplyWithoutAFieldManagerIsABadRequest() {
        assertThatThrownBy(() -> ServerSideApply.apply(null, v1(), "", false, T1))
                .isInstanceOfSatisfying(
                        PatchException.class, e -> assertThat(e.code()).isEqualTo(400));
    }
}
