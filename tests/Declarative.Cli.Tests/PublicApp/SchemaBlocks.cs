using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>
/// Building blocks of OpenAPI v3 schemas in the shape controller-gen writes them into CustomResourceDefinitions
/// (every property described, keys in the order description, items or properties, required, type): the Kubernetes
/// core types the prometheus-operator CRDs embed (Container, Volume, Affinity, PodSecurityContext...) and the
/// operator's own (SafeTLSConfig, RelabelConfig, Endpoint, RemoteWriteSpec...). Used by
/// <see cref="KubePrometheusCrds"/>; every call builds a new tree.
/// </summary>
internal static class SchemaBlocks
{
    public static JsonObject Str(params string[] enumValues)
    {
        var schema = new JsonObject();
        if (enumValues.Length > 0)
        {
            schema["enum"] = new JsonArray([.. enumValues.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        schema["type"] = "string";
        return schema;
    }

    public static JsonObject Pattern(string pattern) => new() { ["pattern"] = pattern, ["type"] = "string" };

    public static JsonObject Duration() => Pattern("^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$");

    public static JsonObject Int(string format = "int32") => new() { ["format"] = format, ["type"] = "integer" };

    public static JsonObject Bool() => new() { ["type"] = "boolean" };

    public static JsonObject Strings() => Arr(Str());

    public static JsonObject Map() => new() { ["additionalProperties"] = Str(), ["type"] = "object" };

    public static JsonObject IntOrString() => new()
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["x-kubernetes-int-or-string"] = true,
    };

    public static JsonObject Quantity() => new()
    {
        ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["pattern"] = "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
        ["x-kubernetes-int-or-string"] = true,
    };

    public static JsonObject QuantityMap() => new() { ["additionalProperties"] = Quantity(), ["type"] = "object" };

    public static JsonObject Arr(JsonObject items, string? listType = null)
    {
        var schema = new JsonObject { ["items"] = items, ["type"] = "array" };
        if (listType is not null)
        {
            schema["x-kubernetes-list-type"] = listType;
        }

        return schema;
    }

    /// <summary>An object whose properties are described from their names, as controller-gen describes them from
    /// the Go comments.</summary>
    public static JsonObject Obj(params (string Name, JsonObject Schema)[] properties) => Obj(properties, []);

    public static JsonObject Obj((string Name, JsonObject Schema)[] properties, string[] required, bool atomic = false)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            props[name] = Described(name, schema);
        }

        var obj = new JsonObject { ["properties"] = props };
        if (required.Length > 0)
        {
            obj["required"] = new JsonArray([.. required.Select(r => (JsonNode?)JsonValue.Create(r))]);
        }

        obj["type"] = "object";
        if (atomic)
        {
            obj["x-kubernetes-map-type"] = "atomic";
        }

        return obj;
    }

    public static JsonObject Described(string name, JsonObject schema)
    {
        var described = new JsonObject { ["description"] = Describe(name) };
        foreach (var (key, value) in schema)
        {
            described[key] = value?.DeepClone();
        }

        return described;
    }

    /// <summary>"imagePullPolicy" -> "Image pull policy of this object, as the API documents it."</summary>
    public static string Describe(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpper(c, CultureInfo.InvariantCulture) : char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return $"{words} of this object, as the API documents it.";
    }

    public static JsonObject KeySelector() => Obj([("key", Str()), ("name", Str()), ("optional", Bool())], ["key"], atomic: true);

    public static JsonObject LocalObjectReference() => Obj([("name", Str())], [], atomic: true);

    public static JsonObject LabelSelector() => Obj(
        [
            ("matchExpressions", Arr(Obj([("key", Str()), ("operator", Str()), ("values", Arr(Str(), "atomic"))], ["key", "operator"]), "atomic")),
            ("matchLabels", Map()),
        ],
        [],
        atomic: true);

    public static JsonObject SecretOrConfigMap() => Obj(("configMap", KeySelector()), ("secret", KeySelector()));

    public static JsonObject SafeTlsConfig() => Obj(
        ("ca", SecretOrConfigMap()),
        ("cert", SecretOrConfigMap()),
        ("insecureSkipVerify", Bool()),
        ("keySecret", KeySelector()),
        ("maxVersion", Str("TLS10", "TLS11", "TLS12", "TLS13")),
        ("minVersion", Str("TLS10", "TLS11", "TLS12", "TLS13")),
        ("serverName", Str()));

    public static JsonObject TlsConfig()
    {
        var tls = SafeTlsConfig();
        var props = (JsonObject)tls["properties"]!;
        foreach (var file in new[] { "caFile", "certFile", "keyFile" })
        {
            props[file] = Described(file, Str());
        }

        return tls;
    }

    public static JsonObject RelabelConfig() => Obj(
        ("action", Str("replace", "Replace", "keep", "Keep", "drop", "Drop", "hashmod", "HashMod", "labelmap", "LabelMap", "labeldrop", "LabelDrop", "labelkeep", "LabelKeep", "lowercase", "Lowercase", "uppercase", "Uppercase", "keepequal", "KeepEqual", "dropequal", "DropEqual")),
        ("modulus", Int("int64")),
        ("regex", Str()),
        ("replacement", Str()),
        ("separator", Str()),
        ("sourceLabels", Arr(Pattern("^[a-zA-Z_][a-zA-Z0-9_]*$"))),
        ("targetLabel", Str()));

    public static JsonObject Authorization() => Obj(("credentials", KeySelector()), ("type", Str()));

    public static JsonObject BasicAuth() => Obj(("password", KeySelector()), ("username", KeySelector()));

    public static JsonObject ProxyFields(JsonObject obj)
    {
        var props = (JsonObject)obj["properties"]!;
        props["noProxy"] = Described("noProxy", Str());
        props["proxyConnectHeader"] = Described("proxyConnectHeader", new JsonObject { ["additionalProperties"] = Arr(KeySelector()), ["type"] = "object", ["x-kubernetes-map-type"] = "atomic" });
        props["proxyFromEnvironment"] = Described("proxyFromEnvironment", Bool());
        props["proxyUrl"] = Described("proxyUrl", Pattern("^(http|https|socks5)://.+$"));
        return obj;
    }

    public static JsonObject OAuth2() => ProxyFields(Obj(
        [
            ("clientId", SecretOrConfigMap()),
            ("clientSecret", KeySelector()),
            ("endpointParams", Map()),
            ("scopes", Strings()),
            ("tlsConfig", SafeTlsConfig()),
            ("tokenUrl", Str()),
        ],
        ["clientId", "clientSecret", "tokenUrl"]));

    public static JsonObject ScrapeAuth(JsonObject obj)
    {
        var props = (JsonObject)obj["properties"]!;
        props["authorization"] = Described("authorization", Authorization());
        props["basicAuth"] = Described("basicAuth", BasicAuth());
        props["oauth2"] = Described("oauth2", OAuth2());
        return obj;
    }

    /// <summary>A ServiceMonitor or PodMonitor endpoint.</summary>
    public static JsonObject Endpoint(string portField) => ScrapeAuth(ProxyFields(Obj(
        ("bearerTokenFile", Str()),
        ("bearerTokenSecret", KeySelector()),
        ("enableHttp2", Bool()),
        ("filterRunning", Bool()),
        ("followRedirects", Bool()),
        ("honorLabels", Bool()),
        ("honorTimestamps", Bool()),
        ("interval", Duration()),
        ("metricRelabelings", Arr(RelabelConfig())),
        ("params", new JsonObject { ["additionalProperties"] = Strings(), ["type"] = "object" }),
        ("path", Str()),
        (portField, Str()),
        ("relabelings", Arr(RelabelConfig())),
        ("scheme", Str("http", "https")),
        ("scrapeTimeout", Duration()),
        ("targetPort", IntOrString()),
        ("tlsConfig", TlsConfig()),
        ("trackTimestampsStaleness", Bool()))));

    public static JsonObject ObjectMetaLike() => Obj(("annotations", Map()), ("labels", Map()), ("name", Str()));

    private static JsonObject Handler(bool probe)
    {
        var handler = Obj(
            ("exec", Obj(("command", Arr(Str(), "atomic")))),
            ("httpGet", Obj(
                [
                    ("host", Str()),
                    ("httpHeaders", Arr(Obj([("name", Str()), ("value", Str())], ["name", "value"]), "atomic")),
                    ("path", Str()),
                    ("port", IntOrString()),
                    ("scheme", Str()),
                ],
                ["port"])),
            ("tcpSocket", Obj([("host", Str()), ("port", IntOrString())], ["port"])));
        var props = (JsonObject)handler["properties"]!;
        if (probe)
        {
            foreach (var field in new[] { "failureThreshold", "initialDelaySeconds", "periodSeconds", "successThreshold", "timeoutSeconds" })
            {
                props[field] = Described(field, Int());
            }

            props["grpc"] = Described("grpc", Obj([("port", Int()), ("service", Str())], ["port"]));
            props["terminationGracePeriodSeconds"] = Described("terminationGracePeriodSeconds", Int("int64"));
        }
        else
        {
            props["sleep"] = Described("sleep", Obj([("seconds", Int("int64"))], ["seconds"]));
        }

        return handler;
    }

    private static JsonObject SeLinuxOptions() => Obj(("level", Str()), ("role", Str()), ("type", Str()), ("user", Str()));

    private static JsonObject Profile() => Obj([("localhostProfile", Str()), ("type", Str())], ["type"]);

    private static JsonObject WindowsOptions() => Obj(("gmsaCredentialSpec", Str()), ("gmsaCredentialSpecName", Str()), ("hostProcess", Bool()), ("runAsUserName", Str()));

    public static JsonObject Resources() => Obj(
        ("claims", Arr(Obj([("name", Str()), ("request", Str())], ["name"]), "map")),
        ("limits", QuantityMap()),
        ("requests", QuantityMap()));

    public static JsonObject VolumeMount() => Obj(
        [
            ("mountPath", Str()),
            ("mountPropagation", Str()),
            ("name", Str()),
            ("readOnly", Bool()),
            ("recursiveReadOnly", Str()),
            ("subPath", Str()),
            ("subPathExpr", Str()),
        ],
        ["mountPath", "name"]);

    public static JsonObject Container() => Obj(
        [
            ("args", Arr(Str(), "atomic")),
            ("command", Arr(Str(), "atomic")),
            ("env", Arr(Obj(
                [
                    ("name", Str()),
                    ("value", Str()),
                    ("valueFrom", Obj(
                        ("configMapKeyRef", KeySelector()),
                        ("fieldRef", Obj([("apiVersion", Str()), ("fieldPath", Str())], ["fieldPath"], atomic: true)),
                        ("resourceFieldRef", Obj([("containerName", Str()), ("divisor", Quantity()), ("resource", Str())], ["resource"], atomic: true)),
                        ("secretKeyRef", KeySelector()))),
                ],
                ["name"]), "map")),
            ("envFrom", Arr(Obj(("configMapRef", LocalObjectReference()), ("prefix", Str()), ("secretRef", LocalObjectReference())), "atomic")),
            ("image", Str()),
            ("imagePullPolicy", Str()),
            ("lifecycle", Obj(("postStart", Handler(probe: false)), ("preStop", Handler(probe: false)), ("stopSignal", Str()))),
            ("livenessProbe", Handler(probe: true)),
            ("name", Str()),
            ("ports", Arr(Obj(
                [("containerPort", Int()), ("hostIP", Str()), ("hostPort", Int()), ("name", Str()), ("protocol", Str())],
                ["containerPort"]), "map")),
            ("readinessProbe", Handler(probe: true)),
            ("resizePolicy", Arr(Obj([("resourceName", Str()), ("restartPolicy", Str())], ["resourceName", "restartPolicy"]), "atomic")),
            ("resources", Resources()),
            ("restartPolicy", Str()),
            ("securityContext", Obj(
                ("allowPrivilegeEscalation", Bool()),
                ("appArmorProfile", Profile()),
                ("capabilities", Obj(("add", Arr(Str(), "atomic")), ("drop", Arr(Str(), "atomic")))),
                ("privileged", Bool()),
                ("procMount", Str()),
                ("readOnlyRootFilesystem", Bool()),
                ("runAsGroup", Int("int64")),
                ("runAsNonRoot", Bool()),
                ("runAsUser", Int("int64")),
                ("seLinuxOptions", SeLinuxOptions()),
                ("seccompProfile", Profile()),
                ("windowsOptions", WindowsOptions()))),
            ("startupProbe", Handler(probe: true)),
            ("stdin", Bool()),
            ("stdinOnce", Bool()),
            ("terminationMessagePath", Str()),
            ("terminationMessagePolicy", Str()),
            ("tty", Bool()),
            ("volumeDevices", Arr(Obj([("devicePath", Str()), ("name", Str())], ["devicePath", "name"]), "map")),
            ("volumeMounts", Arr(VolumeMount(), "map")),
            ("workingDir", Str()),
        ],
        ["name"]);

    public static JsonObject PodSecurityContext() => Obj(
        ("appArmorProfile", Profile()),
        ("fsGroup", Int("int64")),
        ("fsGroupChangePolicy", Str()),
        ("runAsGroup", Int("int64")),
        ("runAsNonRoot", Bool()),
        ("runAsUser", Int("int64")),
        ("seLinuxChangePolicy", Str()),
        ("seLinuxOptions", SeLinuxOptions()),
        ("seccompProfile", Profile()),
        ("supplementalGroups", Arr(Int("int64"), "atomic")),
        ("supplementalGroupsPolicy", Str()),
        ("sysctls", Arr(Obj([("name", Str()), ("value", Str())], ["name", "value"]), "atomic")),
        ("windowsOptions", WindowsOptions()));

    private static JsonObject NodeSelectorTerm()
    {
        var requirement = Obj([("key", Str()), ("operator", Str()), ("values", Arr(Str(), "atomic"))], ["key", "operator"]);
        return Obj([("matchExpressions", Arr(requirement, "atomic")), ("matchFields", Arr(requirement.DeepClone().AsObject(), "atomic"))], [], atomic: true);
    }

    private static JsonObject PodAffinityTerm() => Obj(
        [
            ("labelSelector", LabelSelector()),
            ("matchLabelKeys", Arr(Str(), "atomic")),
            ("mismatchLabelKeys", Arr(Str(), "atomic")),
            ("namespaceSelector", LabelSelector()),
            ("namespaces", Arr(Str(), "atomic")),
            ("topologyKey", Str()),
        ],
        ["topologyKey"]);

    private static JsonObject PodAffinity() => Obj(
        ("preferredDuringSchedulingIgnoredDuringExecution", Arr(Obj([("podAffinityTerm", PodAffinityTerm()), ("weight", Int())], ["podAffinityTerm", "weight"]), "atomic")),
        ("requiredDuringSchedulingIgnoredDuringExecution", Arr(PodAffinityTerm(), "atomic")));

    public static JsonObject Affinity() => Obj(
        ("nodeAffinity", Obj(
            ("preferredDuringSchedulingIgnoredDuringExecution", Arr(Obj([("preference", NodeSelectorTerm()), ("weight", Int())], ["preference", "weight"]), "atomic")),
            ("requiredDuringSchedulingIgnoredDuringExecution", Obj([("nodeSelectorTerms", Arr(NodeSelectorTerm(), "atomic"))], ["nodeSelectorTerms"], atomic: true)))),
        ("podAffinity", PodAffinity()),
        ("podAntiAffinity", PodAffinity()));

    public static JsonObject Toleration() => Obj(("effect", Str()), ("key", Str()), ("operator", Str()), ("tolerationSeconds", Int("int64")), ("value", Str()));

    public static JsonObject TopologySpreadConstraint() => Obj(
        [
            ("labelSelector", LabelSelector()),
            ("matchLabelKeys", Arr(Str(), "atomic")),
            ("maxSkew", Int()),
            ("minDomains", Int()),
            ("nodeAffinityPolicy", Str()),
            ("nodeTaintsPolicy", Str()),
            ("topologyKey", Str()),
            ("whenUnsatisfiable", Str()),
        ],
        ["maxSkew", "topologyKey", "whenUnsatisfiable"]);

    public static JsonObject PersistentVolumeClaimSpec() => Obj(
        ("accessModes", Arr(Str(), "atomic")),
        ("dataSource", Obj([("apiGroup", Str()), ("kind", Str()), ("name", Str())], ["kind", "name"], atomic: true)),
        ("dataSourceRef", Obj([("apiGroup", Str()), ("kind", Str()), ("name", Str()), ("namespace", Str())], ["kind", "name"])),
        ("resources", Obj(("limits", QuantityMap()), ("requests", QuantityMap()))),
        ("selector", LabelSelector()),
        ("storageClassName", Str()),
        ("volumeAttributesClassName", Str()),
        ("volumeMode", Str()),
        ("volumeName", Str()));

    private static JsonObject KeyToPaths() => Arr(Obj([("key", Str()), ("mode", Int()), ("path", Str())], ["key", "path"]), "atomic");

    private static JsonObject DownwardApiItems() => Arr(Obj(
        [
            ("fieldRef", Obj([("apiVersion", Str()), ("fieldPath", Str())], ["fieldPath"], atomic: true)),
            ("mode", Int()),
            ("path", Str()),
            ("resourceFieldRef", Obj([("containerName", Str()), ("divisor", Quantity()), ("resource", Str())], ["resource"], atomic: true)),
        ],
        ["path"]), "atomic");

    public static JsonObject Volume() => Obj(
        [
            ("awsElasticBlockStore", Obj([("fsType", Str()), ("partition", Int()), ("readOnly", Bool()), ("volumeID", Str())], ["volumeID"])),
            ("azureDisk", Obj([("cachingMode", Str()), ("diskName", Str()), ("diskURI", Str()), ("fsType", Str()), ("kind", Str()), ("readOnly", Bool())], ["diskName", "diskURI"])),
            ("azureFile", Obj([("readOnly", Bool()), ("secretName", Str()), ("shareName", Str())], ["secretName", "shareName"])),
            ("cephfs", Obj([("monitors", Arr(Str(), "atomic")), ("path", Str()), ("readOnly", Bool()), ("secretFile", Str()), ("secretRef", LocalObjectReference()), ("user", Str())], ["monitors"])),
            ("cinder", Obj([("fsType", Str()), ("readOnly", Bool()), ("secretRef", LocalObjectReference()), ("volumeID", Str())], ["volumeID"])),
            ("configMap", Obj([("defaultMode", Int()), ("items", KeyToPaths()), ("name", Str()), ("optional", Bool())], [], atomic: true)),
            ("csi", Obj([("driver", Str()), ("fsType", Str()), ("nodePublishSecretRef", LocalObjectReference()), ("readOnly", Bool()), ("volumeAttributes", Map())], ["driver"])),
            ("downwardAPI", Obj(("defaultMode", Int()), ("items", DownwardApiItems()))),
            ("emptyDir", Obj(("medium", Str()), ("sizeLimit", Quantity()))),
            ("ephemeral", Obj(("volumeClaimTemplate", Obj([("metadata", new JsonObject { ["type"] = "object" }), ("spec", PersistentVolumeClaimSpec())], ["spec"])))),
            ("fc", Obj(("fsType", Str()), ("lun", Int()), ("readOnly", Bool()), ("targetWWNs", Arr(Str(), "atomic")), ("wwids", Arr(Str(), "atomic")))),
            ("flexVolume", Obj([("driver", Str()), ("fsType", Str()), ("options", Map()), ("readOnly", Bool()), ("secretRef", LocalObjectReference())], ["driver"])),
            ("gcePersistentDisk", Obj([("fsType", Str()), ("partition", Int()), ("pdName", Str()), ("readOnly", Bool())], ["pdName"])),
            ("hostPath", Obj([("path", Str()), ("type", Str())], ["path"])),
            ("image", Obj(("pullPolicy", Str()), ("reference", Str()))),
            ("iscsi", Obj(
                [
                    ("chapAuthDiscovery", Bool()), ("chapAuthSession", Bool()), ("fsType", Str()), ("initiatorName", Str()), ("iqn", Str()),
                    ("iscsiInterface", Str()), ("lun", Int()), ("portals", Arr(Str(), "atomic")), ("readOnly", Bool()), ("secretRef", LocalObjectReference()), ("targetPortal", Str()),
                ],
                ["iqn", "lun", "targetPortal"])),
            ("name", Str()),
            ("nfs", Obj([("path", Str()), ("readOnly", Bool()), ("server", Str())], ["path", "server"])),
            ("persistentVolumeClaim", Obj([("claimName", Str()), ("readOnly", Bool())], ["claimName"])),
            ("projected", Obj(
                ("defaultMode", Int()),
                ("sources", Arr(Obj(
                    ("configMap", Obj([("items", KeyToPaths()), ("name", Str()), ("optional", Bool())], [], atomic: true)),
                    ("downwardAPI", Obj(("items", DownwardApiItems()))),
                    ("secret", Obj([("items", KeyToPaths()), ("name", Str()), ("optional", Bool())], [], atomic: true)),
                    ("serviceAccountToken", Obj([("audience", Str()), ("expirationSeconds", Int("int64")), ("path", Str())], ["path"]))), "atomic")))),
            ("rbd", Obj(
                [("fsType", Str()), ("image", Str()), ("keyring", Str()), ("monitors", Arr(Str(), "atomic")), ("pool", Str()), ("readOnly", Bool()), ("secretRef", LocalObjectReference()), ("user", Str())],
                ["image", "monitors"])),
            ("secret", Obj(("defaultMode", Int()), ("items", KeyToPaths()), ("optional", Bool()), ("secretName", Str()))),
            ("vsphereVolume", Obj([("fsType", Str()), ("storagePolicyID", Str()), ("storagePolicyName", Str()), ("volumePath", Str())], ["volumePath"])),
        ],
        ["name"]);

    public static JsonObject StorageSpec() => Obj(
        ("disableMountSubPath", Bool()),
        ("emptyDir", Obj(("medium", Str()), ("sizeLimit", Quantity()))),
        ("ephemeral", Obj(("volumeClaimTemplate", Obj([("metadata", new JsonObject { ["type"] = "object" }), ("spec", PersistentVolumeClaimSpec())], ["spec"])))),
        ("volumeClaimTemplate", Obj(
            ("apiVersion", Str()),
            ("kind", Str()),
            ("metadata", ObjectMetaLike()),
            ("spec", PersistentVolumeClaimSpec()),
            ("status", Obj(
                ("accessModes", Arr(Str(), "atomic")),
                ("allocatedResources", QuantityMap()),
                ("capacity", QuantityMap()),
                ("conditions", Arr(Obj([("lastProbeTime", Str()), ("lastTransitionTime", Str()), ("message", Str()), ("reason", Str()), ("status", Str()), ("type", Str())], ["status", "type"]), "map")),
                ("phase", Str()))))));

    public static JsonObject Condition() => Obj(
        [("lastTransitionTime", Str()), ("message", Str()), ("observedGeneration", Int("int64")), ("reason", Str()), ("status", Str()), ("type", Str())],
        ["lastTransitionTime", "status", "type"]);

    public static JsonObject WebConfig() => Obj(
        ("httpConfig", Obj(
            ("headers", Obj(("contentSecurityPolicy", Str()), ("strictTransportSecurity", Str()), ("xContentTypeOptions", Str("", "NoSniff")), ("xFrameOptions", Str("", "Deny", "SameOrigin")), ("xXSSProtection", Str()))),
            ("http2", Bool()))),
        ("maxConnections", Int()),
        ("pageTitle", Str()),
        ("tlsConfig", Obj(
            ("cert", SecretOrConfigMap()),
            ("certFile", Str()),
            ("cipherSuites", Strings()),
            ("clientAuthType", Str()),
            ("clientCAFile", Str()),
            ("client_ca", SecretOrConfigMap()),
            ("curvePreferences", Strings()),
            ("keyFile", Str()),
            ("keySecret", KeySelector()),
            ("maxVersion", Str()),
            ("minVersion", Str()),
            ("preferServerCipherSuites", Bool()))));

    public static JsonObject Sigv4() => Obj(("accessKey", KeySelector()), ("profile", Str()), ("region", Str()), ("roleArn", Str()), ("secretKey", KeySelector()));

    public static JsonObject RemoteWrite() => ScrapeAuth(ProxyFields(Obj(
        [
            ("azureAd", Obj(
                ("cloud", Str("AzureChina", "AzureGovernment", "AzurePublic")),
                ("managedIdentity", Obj([("clientId", Str())], ["clientId"])),
                ("oauth", Obj([("clientId", Str()), ("clientSecret", KeySelector()), ("tenantId", Pattern("^[0-9a-zA-Z-.]+$"))], ["clientId", "clientSecret", "tenantId"])),
                ("sdk", Obj(("tenantId", Pattern("^[0-9a-zA-Z-.]+$")))))),
            ("bearerToken", Str()),
            ("bearerTokenFile", Str()),
            ("enableHTTP2", Bool()),
            ("followRedirects", Bool()),
            ("headers", Map()),
            ("messageVersion", Str("V1.0", "V2.0")),
            ("metadataConfig", Obj(("maxSamplesPerSend", Int()), ("send", Bool()), ("sendInterval", Duration()))),
            ("name", Str()),
            ("queueConfig", Obj(
                ("batchSendDeadline", Duration()),
                ("capacity", Int()),
                ("maxBackoff", Duration()),
                ("maxRetries", Int()),
                ("maxSamplesPerSend", Int()),
                ("maxShards", Int()),
                ("minBackoff", Duration()),
                ("minShards", Int()),
                ("retryOnRateLimit", Bool()),
                ("sampleAgeLimit", Duration()))),
            ("remoteTimeout", Duration()),
            ("sendExemplars", Bool()),
            ("sendNativeHistograms", Bool()),
            ("sigv4", Sigv4()),
            ("tlsConfig", TlsConfig()),
            ("url", Str()),
            ("writeRelabelConfigs", Arr(RelabelConfig())),
        ],
        ["url"])));

    public static JsonObject RemoteRead() => ScrapeAuth(ProxyFields(Obj(
        [
            ("bearerToken", Str()),
            ("bearerTokenFile", Str()),
            ("filterExternalLabels", Bool()),
            ("followRedirects", Bool()),
            ("headers", Map()),
            ("name", Str()),
            ("readRecent", Bool()),
            ("remoteTimeout", Duration()),
            ("requiredMatchers", Map()),
            ("tlsConfig", TlsConfig()),
            ("url", Str()),
        ],
        ["url"])));

    public static JsonObject AlertmanagerEndpoint() => ScrapeAuth(Obj(
        [
            ("alertRelabelings", Arr(RelabelConfig())),
            ("apiVersion", Str("v1", "V1", "v2", "V2")),
            ("bearerTokenFile", Str()),
            ("enableHttp2", Bool()),
            ("name", Str()),
            ("namespace", Str()),
            ("pathPrefix", Str()),
            ("port", IntOrString()),
            ("relabelings", Arr(RelabelConfig())),
            ("scheme", Str()),
            ("sigv4", Sigv4()),
            ("timeout", Duration()),
            ("tlsConfig", TlsConfig()),
        ],
        ["name", "port"]));

    public static JsonObject HostAlias() => Obj([("hostnames", Strings()), ("ip", Str())], ["hostnames", "ip"]);

    public static JsonObject DnsConfig() => Obj(
        ("nameservers", Arr(Str(), "set")),
        ("options", Arr(Obj([("name", Str()), ("value", Str())], ["name"]), "map")),
        ("searches", Arr(Str(), "set")));
}
