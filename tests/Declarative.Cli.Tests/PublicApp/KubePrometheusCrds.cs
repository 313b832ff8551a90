using System.Text.Json.Nodes;
using static Declarative.Cli.Tests.PublicApp.SchemaBlocks;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>
/// The ten CustomResourceDefinitions of prometheus-operator that kube-prometheus installs from <c>manifests/setup/</c>,
/// generated rather than copied (tests/fixtures/public/kube-prometheus/SOURCE.md says why): the same names, groups,
/// versions, scopes, printer columns and subresources, and schemas built from the same Go types (a Prometheus embeds
/// Containers, Volumes, Affinity, remote write and TLS settings...), so each is as large in shape as upstream's
/// though shorter in words. The same call always writes the same bytes.
/// </summary>
internal static class KubePrometheusCrds
{
    public const string Group = "monitoring.coreos.com";

    /// <summary>Writes <c>setup/0{singular}CustomResourceDefinition.yaml</c> for each CRD under <paramref name="projectDir"/>.</summary>
    public static void WriteTo(string projectDir)
    {
        var setup = Directory.CreateDirectory(Path.Combine(projectDir, "setup")).FullName;
        foreach (var crd in All())
        {
            var singular = (string)crd["spec"]!["names"]!["singular"]!;
            var fileName = singular == "alertmanagerconfig" ? "alertmanagerConfig" : singular;
            File.WriteAllText(Path.Combine(setup, $"0{fileName}CustomResourceDefinition.yaml"), YamlText.Of(crd));
        }
    }

    public static IReadOnlyList<JsonObject> All() =>
    [
        Crd("Alertmanager", "alertmanagers", ["am"], "v1", Alertmanager(), Workload(), WorkloadColumns("Alertmanager"), scale: true),
        Crd("AlertmanagerConfig", "alertmanagerconfigs", ["amcfg"], "v1alpha1", AlertmanagerConfig(), null, []),
        Crd("PodMonitor", "podmonitors", ["pmon"], "v1", PodMonitor(), null, []),
        Crd("Probe", "probes", ["prb"], "v1", Probe(), null, []),
        Crd("Prometheus", "prometheuses", ["prom"], "v1", Prometheus(), Workload(), WorkloadColumns("Prometheus"), scale: true),
        Crd("PrometheusAgent", "prometheusagents", ["promagent"], "v1alpha1", PrometheusAgent(), Workload(), WorkloadColumns("Prometheus"), scale: true),
        Crd("PrometheusRule", "prometheusrules", ["promrule"], "v1", PrometheusRule(), null, []),
        Crd("ScrapeConfig", "scrapeconfigs", ["scfg"], "v1alpha1", ScrapeConfig(), null, []),
        Crd("ServiceMonitor", "servicemonitors", ["smon"], "v1", ServiceMonitor(), null, []),
        Crd("ThanosRuler", "thanosrulers", ["ruler"], "v1", ThanosRuler(), Workload(), WorkloadColumns("Thanos Ruler"), scale: false),
    ];

    private static JsonObject Crd(string kind, string plural, string[] shortNames, string version, JsonObject spec, JsonObject? status, JsonArray columns, bool scale = false)
    {
        var properties = new JsonObject
        {
            ["apiVersion"] = Described("apiVersion", Str()),
            ["kind"] = Described("kind", Str()),
            ["metadata"] = new JsonObject { ["type"] = "object" },
            ["spec"] = Described("spec", spec),
        };
        if (status is not null)
        {
            properties["status"] = Described("status", status);
        }

        var schema = new JsonObject
        {
            ["description"] = $"The `{kind}` custom resource definition (CRD) of the Prometheus Operator.",
            ["properties"] = properties,
            ["required"] = new JsonArray("spec"),
            ["type"] = "object",
        };
        var versionEntry = new JsonObject();
        if (columns.Count > 0)
        {
            versionEntry["additionalPrinterColumns"] = columns;
        }

        versionEntry["name"] = version;
        versionEntry["schema"] = new JsonObject { ["openAPIV3Schema"] = schema };
        versionEntry["served"] = true;
        versionEntry["storage"] = true;
        if (status is not null)
        {
            var subresources = new JsonObject();
            if (scale)
            {
                subresources["scale"] = new JsonObject
                {
                    ["labelSelectorPath"] = ".status.selector",
                    ["specReplicasPath"] = ".spec.shards",
                    ["statusReplicasPath"] = ".status.shards",
                };
            }

            subresources["status"] = new JsonObject();
            versionEntry["subresources"] = subresources;
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject
                {
                    ["controller-gen.kubebuilder.io/version"] = "v0.16.1",
                    ["operator.prometheus.io/version"] = "0.76.2",
                },
                ["name"] = $"{plural}.{Group}",
            },
            ["spec"] = new JsonObject
            {
                ["group"] = Group,
                ["names"] = new JsonObject
                {
                    ["categories"] = new JsonArray("prometheus-operator"),
                    ["kind"] = kind,
                    ["listKind"] = $"{kind}List",
                    ["plural"] = plural,
                    ["shortNames"] = new JsonArray([.. shortNames.Select(s => (JsonNode?)JsonValue.Create(s))]),
                    ["singular"] = kind.ToLowerInvariant(),
                },
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(versionEntry),
            },
        };
    }

    private static JsonArray WorkloadColumns(string what) =>
    [
        Column("Version", ".spec.version", $"The version of {what}"),
        Column("Desired", ".spec.replicas", $"The number of desired replicas", "integer"),
        Column("Ready", ".status.availableReplicas", $"The number of ready replicas", "integer"),
        Column("Reconciled", ".status.conditions[?(@.type == 'Reconciled')].status"),
        Column("Available", ".status.conditions[?(@.type == 'Available')].status"),
        Column("Age", ".metadata.creationTimestamp", null, "date"),
        Column("Paused", ".status.paused", "Whether the resource reconciliation is paused or not", "boolean", priority: 1),
    ];

    private static JsonObject Column(string name, string path, string? description = null, string type = "string", int? priority = null)
    {
        var column = new JsonObject();
        if (description is not null)
        {
            column["description"] = description;
        }

        column["jsonPath"] = path;
        column["name"] = name;
        if (priority is { } p)
        {
            column["priority"] = p;
        }

        column["type"] = type;
        return column;
    }

    private static JsonObject Workload() => Obj(
        [
            ("availableReplicas", Int()),
            ("conditions", Arr(Condition(), "map")),
            ("paused", Bool()),
            ("replicas", Int()),
            ("selector", Str()),
            ("shardStatuses", Arr(Obj([("availableReplicas", Int()), ("replicas", Int()), ("shardID", Str()), ("unavailableReplicas", Int()), ("updatedReplicas", Int())], ["availableReplicas", "replicas", "shardID", "unavailableReplicas", "updatedReplicas"]), "map")),
            ("shards", Int()),
            ("unavailableReplicas", Int()),
            ("updatedReplicas", Int()),
        ],
        ["availableReplicas", "paused", "replicas", "unavailableReplicas", "updatedReplicas"]);

    /// <summary>What the StatefulSet-backed kinds (Prometheus, PrometheusAgent, Alertmanager, ThanosRuler) share.</summary>
    private static (string, JsonObject)[] PodFields() =>
    [
        ("affinity", Affinity()),
        ("automountServiceAccountToken", Bool()),
        ("configMaps", Strings()),
        ("containers", Arr(Container())),
        ("dnsConfig", DnsConfig()),
        ("dnsPolicy", Str("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None")),
        ("enableServiceLinks", Bool()),
        ("externalUrl", Str()),
        ("hostAliases", Arr(HostAlias(), "map")),
        ("hostNetwork", Bool()),
        ("image", Str()),
        ("imagePullPolicy", Str("", "Always", "Never", "IfNotPresent")),
        ("imagePullSecrets", Arr(LocalObjectReference())),
        ("initContainers", Arr(Container())),
        ("listenLocal", Bool()),
        ("logFormat", Str("", "logfmt", "json")),
        ("logLevel", Str("", "debug", "info", "warn", "error")),
        ("minReadySeconds", Int()),
        ("nodeSelector", Map()),
        ("paused", Bool()),
        ("persistentVolumeClaimRetentionPolicy", Obj(("whenDeleted", Str()), ("whenScaled", Str()))),
        ("podMetadata", ObjectMetaLike()),
        ("portName", Str()),
        ("priorityClassName", Str()),
        ("replicas", Int()),
        ("resources", Resources()),
        ("routePrefix", Str()),
        ("secrets", Strings()),
        ("securityContext", PodSecurityContext()),
        ("serviceAccountName", Str()),
        ("storage", StorageSpec()),
        ("tolerations", Arr(Toleration())),
        ("topologySpreadConstraints", Arr(TopologySpreadConstraint())),
        ("version", Str()),
        ("volumeMounts", Arr(VolumeMount())),
        ("volumes", Arr(Volume())),
        ("web", WebConfig()),
    ];

    /// <summary>What Prometheus and PrometheusAgent share beyond the pod.</summary>
    private static (string, JsonObject)[] ScrapingFields() =>
    [
        ("additionalArgs", Arr(Obj([("name", Str()), ("value", Str())], ["name"]))),
        ("additionalScrapeConfigs", KeySelector()),
        ("apiserverConfig", Obj([("authorization", Obj(("credentials", KeySelector()), ("credentialsFile", Str()), ("type", Str()))), ("basicAuth", BasicAuth()), ("bearerToken", Str()), ("bearerTokenFile", Str()), ("host", Str()), ("tlsConfig", TlsConfig())], ["host"])),
        ("arbitraryFSAccessThroughSMs", Obj(("deny", Bool()))),
        ("bodySizeLimit", Pattern("(^0|([0-9]*[.])?[0-9]+((K|M|G|T|E|P)i?)?B)$")),
        ("enableFeatures", Arr(Str(), "set")),
        ("enableRemoteWriteReceiver", Bool()),
        ("enforcedBodySizeLimit", Pattern("(^0|([0-9]*[.])?[0-9]+((K|M|G|T|E|P)i?)?B)$")),
        ("enforcedKeepDroppedTargets", Int("int64")),
        ("enforcedLabelLimit", Int("int64")),
        ("enforcedLabelNameLengthLimit", Int("int64")),
        ("enforcedLabelValueLengthLimit", Int("int64")),
        ("enforcedNamespaceLabel", Str()),
        ("enforcedSampleLimit", Int("int64")),
        ("enforcedTargetLimit", Int("int64")),
        ("excludedFromEnforcement", Arr(Obj([("group", Str("monitoring.coreos.com")), ("name", Str()), ("namespace", Str()), ("resource", Str("prometheusrules", "servicemonitors", "podmonitors", "probes", "scrapeconfigs"))], ["namespace", "resource"]))),
        ("externalLabels", Map()),
        ("ignoreNamespaceSelectors", Bool()),
        ("keepDroppedTargets", Int("int64")),
        ("labelLimit", Int("int64")),
        ("labelNameLengthLimit", Int("int64")),
        ("labelValueLengthLimit", Int("int64")),
        ("maximumStartupDurationSeconds", Int()),
        ("overrideHonorLabels", Bool()),
        ("overrideHonorTimestamps", Bool()),
        ("podMonitorNamespaceSelector", LabelSelector()),
        ("podMonitorSelector", LabelSelector()),
        ("podTargetLabels", Strings()),
        ("probeNamespaceSelector", LabelSelector()),
        ("probeSelector", LabelSelector()),
        ("reloadStrategy", Str("HTTP", "ProcessSignal")),
        ("remoteWrite", Arr(RemoteWrite())),
        ("sampleLimit", Int("int64")),
        ("scrapeClasses", Arr(Obj([("attachMetadata", Obj(("node", Bool()))), ("default", Bool()), ("metricRelabelings", Arr(RelabelConfig())), ("name", Str()), ("relabelings", Arr(RelabelConfig())), ("tlsConfig", TlsConfig())], ["name"]), "map")),
        ("scrapeConfigNamespaceSelector", LabelSelector()),
        ("scrapeConfigSelector", LabelSelector()),
        ("scrapeInterval", Duration()),
        ("scrapeProtocols", Arr(Str("PrometheusProto", "OpenMetricsText0.0.1", "OpenMetricsText1.0.0", "PrometheusText0.0.4"), "set")),
        ("scrapeTimeout", Duration()),
        ("serviceMonitorNamespaceSelector", LabelSelector()),
        ("serviceMonitorSelector", LabelSelector()),
        ("shards", Int()),
        ("targetLimit", Int("int64")),
        ("tracingConfig", Obj(("clientType", Str("http", "grpc")), ("compression", Str("gzip")), ("endpoint", Str()), ("headers", Map()), ("insecure", Bool()), ("samplingFraction", Quantity()), ("timeout", Duration()), ("tlsConfig", TlsConfig()))),
        ("tsdb", Obj(("outOfOrderTimeWindow", Duration()))),
        ("walCompression", Bool()),
    ];

    private static JsonObject Prometheus() => Obj(
        [
            .. PodFields(),
            .. ScrapingFields(),
            ("additionalAlertManagerConfigs", KeySelector()),
            ("additionalAlertRelabelConfigs", KeySelector()),
            ("alerting", Obj([("alertmanagers", Arr(AlertmanagerEndpoint()))], ["alertmanagers"])),
            ("allowOverlappingBlocks", Bool()),
            ("disableCompaction", Bool()),
            ("enableAdminAPI", Bool()),
            ("evaluationInterval", Duration()),
            ("exemplars", Obj(("maxSize", Int("int64")))),
            ("query", Obj(("lookbackDelta", Str()), ("maxConcurrency", Int()), ("maxSamples", Int()), ("timeout", Duration()))),
            ("queryLogFile", Str()),
            ("remoteRead", Arr(RemoteRead())),
            ("replicaExternalLabelName", Str()),
            ("retention", Duration()),
            ("retentionSize", Pattern("(^0|([0-9]*[.])?[0-9]+((K|M|G|T|E|P)i?)?B)$")),
            ("ruleNamespaceSelector", LabelSelector()),
            ("ruleSelector", LabelSelector()),
            ("rules", Obj(("alert", Obj(("forGracePeriod", Str()), ("forOutageTolerance", Str()), ("resendDelay", Str()))))),
            ("thanos", Obj(
                ("additionalArgs", Arr(Obj([("name", Str()), ("value", Str())], ["name"]))),
                ("blockSize", Duration()),
                ("getConfigInterval", Duration()),
                ("getConfigTimeout", Duration()),
                ("grpcListenLocal", Bool()),
                ("grpcServerTlsConfig", TlsConfig()),
                ("httpListenLocal", Bool()),
                ("image", Str()),
                ("logFormat", Str()),
                ("logLevel", Str()),
                ("minTime", Str()),
                ("objectStorageConfig", KeySelector()),
                ("objectStorageConfigFile", Str()),
                ("readyTimeout", Duration()),
                ("resources", Resources()),
                ("tracingConfig", KeySelector()),
                ("tracingConfigFile", Str()),
                ("version", Str()),
                ("volumeMounts", Arr(VolumeMount())))),
        ],
        []);

    private static JsonObject PrometheusAgent() => Obj([.. PodFields(), .. ScrapingFields(), ("mode", Str("StatefulSet", "DaemonSet"))], []);

    private static JsonObject Alertmanager() => Obj(
        [
            .. PodFields(),
            ("additionalPeers", Strings()),
            ("alertmanagerConfigMatcherStrategy", Obj(("type", Str("OnNamespace", "None")))),
            ("alertmanagerConfigNamespaceSelector", LabelSelector()),
            ("alertmanagerConfigSelector", LabelSelector()),
            ("alertmanagerConfiguration", Obj(
                [
                    ("global", Obj(
                        ("httpConfig", HttpConfig()),
                        ("opsGenieApiKey", KeySelector()),
                        ("opsGenieApiUrl", KeySelector()),
                        ("pagerdutyUrl", Str()),
                        ("resolveTimeout", Duration()),
                        ("slackApiUrl", KeySelector()),
                        ("smtp", Obj(("authIdentity", Str()), ("authPassword", KeySelector()), ("authSecret", KeySelector()), ("authUsername", Str()), ("from", Str()), ("hello", Str()), ("requireTLS", Bool()), ("smartHost", Obj([("host", Str()), ("port", Str())], ["host", "port"])), ("tlsConfig", SafeTlsConfig()))))),
                    ("name", Str()),
                    ("templates", Arr(SecretOrConfigMap())),
                ],
                [])),
            ("clusterAdvertiseAddress", Str()),
            ("clusterGossipInterval", Duration()),
            ("clusterLabel", Str()),
            ("clusterPeerTimeout", Duration()),
            ("clusterPushpullInterval", Duration()),
            ("configSecret", Str()),
            ("forceEnableClusterMode", Bool()),
            ("retention", Pattern("^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$")),
        ],
        []);

    private static JsonObject ThanosRuler() => Obj(
        [
            .. PodFields(),
            ("additionalArgs", Arr(Obj([("name", Str()), ("value", Str())], ["name"]))),
            ("alertDropLabels", Strings()),
            ("alertQueryUrl", Str()),
            ("alertRelabelConfigFile", Str()),
            ("alertRelabelConfigs", KeySelector()),
            ("alertmanagersConfig", KeySelector()),
            ("alertmanagersUrl", Strings()),
            ("enforcedNamespaceLabel", Str()),
            ("evaluationInterval", Duration()),
            ("excludedFromEnforcement", Arr(Obj([("group", Str()), ("name", Str()), ("namespace", Str()), ("resource", Str())], ["namespace", "resource"]))),
            ("grpcServerTlsConfig", TlsConfig()),
            ("labels", Map()),
            ("objectStorageConfig", KeySelector()),
            ("objectStorageConfigFile", Str()),
            ("prometheusRulesExcludedFromEnforce", Arr(Obj([("ruleName", Str()), ("ruleNamespace", Str())], ["ruleName", "ruleNamespace"]))),
            ("queryConfig", KeySelector()),
            ("queryEndpoints", Strings()),
            ("retention", Duration()),
            ("ruleNamespaceSelector", LabelSelector()),
            ("ruleSelector", LabelSelector()),
            ("tracingConfig", KeySelector()),
            ("tracingConfigFile", Str()),
        ],
        []);

    private static JsonObject ServiceMonitor() => Obj(
        [
            ("attachMetadata", Obj(("node", Bool()))),
            ("bodySizeLimit", Str()),
            ("endpoints", Arr(Endpoint("port"))),
            ("jobLabel", Str()),
            ("keepDroppedTargets", Int("int64")),
            ("labelLimit", Int("int64")),
            ("labelNameLengthLimit", Int("int64")),
            ("labelValueLengthLimit", Int("int64")),
            ("namespaceSelector", Obj(("any", Bool()), ("matchNames", Strings()))),
            ("nativeHistogramBucketLimit", Int("int64")),
            ("podTargetLabels", Strings()),
            ("sampleLimit", Int("int64")),
            ("scrapeClass", Str()),
            ("scrapeProtocols", Arr(Str(), "set")),
            ("selector", LabelSelector()),
            ("targetLabels", Strings()),
            ("targetLimit", Int("int64")),
        ],
        ["selector"]);

    private static JsonObject PodMonitor()
    {
        var endpoint = Endpoint("port");
        ((JsonObject)endpoint["properties"]!)["portNumber"] = Described("portNumber", Int());
        return Obj(
            [
                ("attachMetadata", Obj(("node", Bool()))),
                ("bodySizeLimit", Str()),
                ("jobLabel", Str()),
                ("keepDroppedTargets", Int("int64")),
                ("labelLimit", Int("int64")),
                ("namespaceSelector", Obj(("any", Bool()), ("matchNames", Strings()))),
                ("podMetricsEndpoints", Arr(endpoint)),
                ("podTargetLabels", Strings()),
                ("sampleLimit", Int("int64")),
                ("scrapeClass", Str()),
                ("selector", LabelSelector()),
                ("targetLimit", Int("int64")),
            ],
            ["selector"]);
    }

    private static JsonObject Probe() => ScrapeAuth(Obj(
        [
            ("bearerTokenSecret", KeySelector()),
            ("interval", Duration()),
            ("jobName", Str()),
            ("keepDroppedTargets", Int("int64")),
            ("labelLimit", Int("int64")),
            ("metricRelabelings", Arr(RelabelConfig())),
            ("module", Str()),
            ("prober", Obj([("path", Str()), ("proxyUrl", Str()), ("scheme", Str("http", "https")), ("url", Str())], ["url"])),
            ("sampleLimit", Int("int64")),
            ("scrapeClass", Str()),
            ("scrapeTimeout", Duration()),
            ("targetLimit", Int("int64")),
            ("targets", Obj(
                ("ingress", Obj(("namespaceSelector", Obj(("any", Bool()), ("matchNames", Strings()))), ("relabelingConfigs", Arr(RelabelConfig())), ("selector", LabelSelector()))),
                ("staticConfig", Obj(("labels", Map()), ("relabelingConfigs", Arr(RelabelConfig())), ("static", Strings()))))),
            ("tlsConfig", SafeTlsConfig()),
        ],
        []));

    private static JsonObject PrometheusRule() => Obj(
        [
            ("groups", Arr(Obj(
                [
                    ("interval", Duration()),
                    ("labels", Map()),
                    ("limit", Int()),
                    ("name", Str()),
                    ("partial_response_strategy", Pattern("^(?i)(abort|warn)?$")),
                    ("query_offset", Duration()),
                    ("rules", Arr(Obj(
                        [("alert", Str()), ("annotations", Map()), ("expr", IntOrString()), ("for", Duration()), ("keep_firing_for", Duration()), ("labels", Map()), ("record", Str())],
                        ["expr"]))),
                ],
                ["name"]), "map")),
        ],
        []);

    private static JsonObject HttpConfig() => Obj(
        ("authorization", Authorization()),
        ("basicAuth", BasicAuth()),
        ("bearerTokenSecret", KeySelector()),
        ("followRedirects", Bool()),
        ("oauth2", OAuth2()),
        ("proxyURL", Str()),
        ("tlsConfig", SafeTlsConfig()));

    private static JsonObject Receiver(params (string Name, JsonObject Schema)[] fields) =>
        Obj([("httpConfig", HttpConfig()), ("sendResolved", Bool()), .. fields], []);

    private static JsonObject KeyValues() => Arr(Obj([("key", Str()), ("value", Str())], ["key", "value"]));

    private static JsonObject AlertmanagerConfig()
    {
        var matcher = Obj([("matchType", Str("!=", "=", "=~", "!~")), ("name", Str()), ("value", Str())], ["name"]);
        return Obj(
            [
                ("inhibitRules", Arr(Obj(("equal", Strings()), ("sourceMatch", Arr(matcher)), ("targetMatch", Arr(matcher.DeepClone().AsObject()))))),
                ("muteTimeIntervals", Arr(Obj(
                    ("name", Str()),
                    ("timeIntervals", Arr(Obj(
                        ("daysOfMonth", Arr(Obj(("end", Int()), ("start", Int())))),
                        ("months", Strings()),
                        ("times", Arr(Obj(("endTime", Str()), ("startTime", Str())))),
                        ("weekdays", Strings()),
                        ("years", Strings()))))))),
                ("receivers", Arr(Obj(
                    [
                        ("discordConfigs", Arr(Receiver(("apiURL", KeySelector()), ("message", Str()), ("title", Str())))),
                        ("emailConfigs", Arr(Obj(
                            ("authIdentity", Str()), ("authPassword", KeySelector()), ("authSecret", KeySelector()), ("authUsername", Str()), ("from", Str()),
                            ("headers", KeyValues()), ("hello", Str()), ("html", Str()), ("requireTLS", Bool()), ("sendResolved", Bool()), ("smarthost", Str()),
                            ("text", Str()), ("tlsConfig", SafeTlsConfig()), ("to", Str())))),
                        ("msteamsConfigs", Arr(Receiver(("summary", Str()), ("text", Str()), ("title", Str()), ("webhookUrl", KeySelector())))),
                        ("name", Str()),
                        ("opsgenieConfigs", Arr(Receiver(
                            ("actions", Str()), ("apiKey", KeySelector()), ("apiURL", Str()), ("description", Str()), ("details", KeyValues()), ("entity", Str()),
                            ("message", Str()), ("note", Str()), ("priority", Str()),
                            ("responders", Arr(Obj([("id", Str()), ("name", Str()), ("type", Str("team", "teams", "user", "escalation", "schedule")), ("username", Str())], ["type"]))),
                            ("source", Str()), ("tags", Str()), ("updateAlerts", Bool())))),
                        ("pagerdutyConfigs", Arr(Receiver(
                            ("class", Str()), ("client", Str()), ("clientURL", Str()), ("component", Str()), ("description", Str()), ("details", KeyValues()),
                            ("group", Str()), ("pagerDutyImageConfigs", Arr(Obj(("alt", Str()), ("href", Str()), ("src", Str())))),
                            ("pagerDutyLinkConfigs", Arr(Obj(("alt", Str()), ("href", Str())))), ("routingKey", KeySelector()), ("serviceKey", KeySelector()),
                            ("severity", Str()), ("url", Str())))),
                        ("pushoverConfigs", Arr(Receiver(
                            ("device", Str()), ("expire", Duration()), ("html", Bool()), ("message", Str()), ("priority", Str()), ("retry", Duration()), ("sound", Str()),
                            ("title", Str()), ("token", KeySelector()), ("tokenFile", Str()), ("ttl", Duration()), ("url", Str()), ("urlTitle", Str()), ("userKey", KeySelector()), ("userKeyFile", Str())))),
                        ("slackConfigs", Arr(Receiver(
                            ("actions", Arr(Obj(
                                [
                                    ("confirm", Obj([("dismissText", Str()), ("okText", Str()), ("text", Str()), ("title", Str())], ["text"])),
                                    ("name", Str()), ("style", Str()), ("text", Str()), ("type", Str()), ("url", Str()), ("value", Str()),
                                ],
                                ["text", "type"]))),
                            ("apiURL", KeySelector()), ("callbackId", Str()), ("channel", Str()), ("color", Str()), ("fallback", Str()),
                            ("fields", Arr(Obj([("short", Bool()), ("title", Str()), ("value", Str())], ["title", "value"]))),
                            ("footer", Str()), ("iconEmoji", Str()), ("iconURL", Str()), ("imageURL", Str()), ("linkNames", Bool()), ("mrkdwnIn", Strings()),
                            ("pretext", Str()), ("shortFields", Bool()), ("text", Str()), ("thumbURL", Str()), ("title", Str()), ("titleLink", Str()), ("username", Str())))),
                        ("snsConfigs", Arr(Receiver(("apiURL", Str()), ("attributes", Map()), ("message", Str()), ("phoneNumber", Str()), ("sigv4", Sigv4()), ("subject", Str()), ("targetARN", Str()), ("topicARN", Str())))),
                        ("telegramConfigs", Arr(Receiver(("apiURL", Str()), ("botToken", KeySelector()), ("botTokenFile", Str()), ("chatID", Int("int64")), ("disableNotifications", Bool()), ("message", Str()), ("messageThreadID", Int("int64")), ("parseMode", Str("MarkdownV2", "Markdown", "HTML"))))),
                        ("victoropsConfigs", Arr(Receiver(("apiKey", KeySelector()), ("apiUrl", Str()), ("customFields", KeyValues()), ("entityDisplayName", Str()), ("messageType", Str()), ("monitoringTool", Str()), ("routingKey", Str()), ("stateMessage", Str())))),
                        ("webexConfigs", Arr(Receiver(("apiURL", Pattern("^https?://.+$")), ("message", Str()), ("roomID", Str())))),
                        ("webhookConfigs", Arr(Receiver(("maxAlerts", Int()), ("timeout", Duration()), ("url", Str()), ("urlSecret", KeySelector())))),
                        ("wechatConfigs", Arr(Receiver(("agentID", Str()), ("apiSecret", KeySelector()), ("apiURL", Str()), ("corpID", Str()), ("message", Str()), ("messageType", Str()), ("toParty", Str()), ("toTag", Str()), ("toUser", Str())))),
                    ],
                    ["name"]))),
                ("route", Obj(
                    ("activeTimeIntervals", Strings()),
                    ("continue", Bool()),
                    ("groupBy", Strings()),
                    ("groupInterval", Str()),
                    ("groupWait", Str()),
                    ("matchers", Arr(matcher.DeepClone().AsObject())),
                    ("muteTimeIntervals", Strings()),
                    ("receiver", Str()),
                    ("repeatInterval", Str()),
                    ("routes", Arr(new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true })))),
            ],
            []);
    }

    private static JsonObject ScrapeConfig()
    {
        (string, JsonObject)[] sdCommon = [("refreshInterval", Duration()), ("tlsConfig", SafeTlsConfig())];
        JsonObject Sd(params (string Name, JsonObject Schema)[] fields) => Arr(ScrapeAuth(ProxyFields(Obj([.. sdCommon, .. fields], []))));
        return ScrapeAuth(ProxyFields(Obj(
            [
                ("azureSDConfigs", Sd(("authenticationMethod", Str("OAuth", "ManagedIdentity", "SDK")), ("clientID", Str()), ("clientSecret", KeySelector()), ("environment", Str()), ("port", Int()), ("resourceGroup", Str()), ("subscriptionID", Str()), ("tenantID", Str()))),
                ("consulSDConfigs", Sd(("allowStale", Bool()), ("datacenter", Str()), ("enableHTTP2", Bool()), ("filter", Str()), ("followRedirects", Bool()), ("namespace", Str()), ("nodeMeta", Map()), ("partition", Str()), ("pathPrefix", Str()), ("scheme", Str("HTTP", "HTTPS")), ("server", Str()), ("services", Arr(Str(), "set")), ("tagSeparator", Str()), ("tags", Arr(Str(), "set")), ("tokenRef", KeySelector()))),
                ("digitalOceanSDConfigs", Sd(("enableHTTP2", Bool()), ("followRedirects", Bool()), ("port", Int()))),
                ("dnsSDConfigs", Arr(Obj([("names", Strings()), ("port", Int()), ("refreshInterval", Duration()), ("type", Str("A", "AAAA", "MX", "NS", "SRV"))], ["names"]))),
                ("dockerSDConfigs", Sd(("enableHTTP2", Bool()), ("filters", Arr(Obj([("name", Str()), ("values", Strings())], ["name", "values"]))), ("followRedirects", Bool()), ("host", Str()), ("hostNetworkingHost", Str()), ("matchFirstNetwork", Bool()), ("port", Int()))),
                ("ec2SDConfigs", Arr(Obj(("accessKey", KeySelector()), ("filters", Arr(Obj([("name", Str()), ("values", Strings())], ["name", "values"]))), ("port", Int()), ("refreshInterval", Duration()), ("region", Str()), ("roleARN", Str()), ("secretKey", KeySelector())))),
                ("enableCompression", Bool()),
                ("enableHTTP2", Bool()),
                ("eurekaSDConfigs", Sd(("enableHTTP2", Bool()), ("followRedirects", Bool()), ("server", Pattern("^http(s)?://.+$")))),
                ("fileSDConfigs", Arr(Obj([("files", Arr(Pattern("^[^*]*(\\*[^/]*)?\\.(json|yml|yaml|JSON|YML|YAML)$"), "set")), ("refreshInterval", Duration())], ["files"]))),
                ("gceSDConfigs", Arr(Obj([("filter", Str()), ("port", Int()), ("project", Str()), ("refreshInterval", Duration()), ("tagSeparator", Str()), ("zone", Str())], ["project", "zone"]))),
                ("hetznerSDConfigs", Sd(("enableHTTP2", Bool()), ("followRedirects", Bool()), ("port", Int()), ("role", Str("hcloud", "Hcloud", "robot", "Robot")))),
                ("honorLabels", Bool()),
                ("honorTimestamps", Bool()),
                ("httpSDConfigs", Sd(("url", Pattern("^http(s)?://.+$")))),
                ("jobName", Str()),
                ("keepDroppedTargets", Int("int64")),
                ("kubernetesSDConfigs", Sd(
                    ("apiServer", Str()),
                    ("attachMetadata", Obj(("node", Bool()))),
                    ("enableHTTP2", Bool()),
                    ("followRedirects", Bool()),
                    ("namespaces", Obj(("names", Strings()), ("ownNamespace", Bool()))),
                    ("role", Str("Pod", "Endpoints", "Ingress", "Service", "Node", "EndpointSlice")),
                    ("selectors", Arr(Obj([("field", Str()), ("label", Str()), ("role", Str("Pod", "Endpoints", "Ingress", "Service", "Node", "EndpointSlice"))], ["role"]), "map")))),
                ("kumaSDConfigs", Sd(("clientID", Str()), ("enableHTTP2", Bool()), ("fetchTimeout", Duration()), ("followRedirects", Bool()), ("server", Pattern("^https?://.+$")))),
                ("labelLimit", Int("int64")),
                ("labelNameLengthLimit", Int("int64")),
                ("labelValueLengthLimit", Int("int64")),
                ("metricRelabelings", Arr(RelabelConfig())),
                ("metricsPath", Str()),
                ("nomadSDConfigs", Sd(("allowStale", Bool()), ("enableHTTP2", Bool()), ("followRedirects", Bool()), ("namespace", Str()), ("region", Str()), ("server", Str()), ("tagSeparator", Str()))),
                ("openstackSDConfigs", Arr(Obj(
                    [
                        ("allTenants", Bool()), ("applicationCredentialId", Str()), ("applicationCredentialName", Str()), ("applicationCredentialSecret", KeySelector()),
                        ("availability", Str("Public", "public", "Admin", "admin", "Internal", "internal")), ("domainID", Str()), ("domainName", Str()),
                        ("identityEndpoint", Str()), ("password", KeySelector()), ("port", Int()), ("projectID", Str()), ("projectName", Str()),
                        ("refreshInterval", Duration()), ("region", Str()), ("role", Str("Instance", "instance", "Hypervisor", "hypervisor")), ("tlsConfig", SafeTlsConfig()),
                        ("userid", Str()), ("username", Str()),
                    ],
                    ["region", "role"]))),
                ("params", new JsonObject { ["additionalProperties"] = Strings(), ["type"] = "object" }),
                ("relabelings", Arr(RelabelConfig())),
                ("sampleLimit", Int("int64")),
                ("scheme", Str("HTTP", "HTTPS")),
                ("scrapeClass", Str()),
                ("scrapeInterval", Duration()),
                ("scrapeProtocols", Arr(Str(), "set")),
                ("scrapeTimeout", Duration()),
                ("staticConfigs", Arr(Obj(("labels", Map()), ("targets", Strings())))),
                ("targetLimit", Int("int64")),
                ("tlsConfig", SafeTlsConfig()),
                ("trackTimestampsStaleness", Bool()),
            ],
            [])));
    }
}
