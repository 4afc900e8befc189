package dev.meridian.agent.testing;

/** The discovery documents kubectl needs before it lists anything. */
public final class Discovery {
    private Discovery() {}

    public static final String API = """
            {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1:443"}]}""";

    public static final String APIS = """
            {"kind":"APIGroupList","apiVersion":"v1","groups":[]}""";

    public static final String API_V1 = """
            {"kind":"APIResourceList","groupVersion":"v1","resources":[
             {"name":"namespaces","singularName":"namespace","namespaced":false,"kind":"Namespace","shortNames":["ns"],
              "verbs":["create","delete","get","list","patch","update","watch"]},
             {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","shortNames":["cm"],
              "verbs":["create","delete","deletecollection","get","list","patch","update","watch"]}]}""";

    /** The document for a discovery path, or null when the path is not one. */
    public static String documentFor(String pathWithoutQuery) {
        return switch (pathWithoutQuery) {
            case "/api" -> API;
            case "/apis" -> APIS;
            case "/api/v1" -> API_V1;
            default -> null;
        };
    }
}
