package com.bffaccounting.gate.sim.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads the Kubernetes protobuf encoding ({@code application/vnd.kubernetes.protobuf}) of the two kinds
 * Helm writes through client-go's typed clientset — Secret and ConfigMap, its release storage — and
 * turns them into the JSON the mock's CRUD store understands. Field numbers are those of
 * k8s.io/api/core/v1/generated.proto and apimachinery's ObjectMeta.
 */
final class KubeProtobuf {
    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final ObjectMapper JSON = new ObjectMapper();

    private KubeProtobuf() {
    }

    static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf");
    }

    /** The JSON of an encoded Secret or ConfigMap; other kinds are refused with their name. */
    static String toJson(byte[] body) {
        if (body.length < 4 || !Arrays.equals(Arrays.copyOf(body, 4), MAGIC)) {
            throw new IllegalArgumentException("not a Kubernetes protobuf envelope");
        }
        try {
            CodedInputStream unknown = CodedInputStream.newInstance(body, 4, body.length - 4);
            String apiVersion = "";
            String kind = "";
            byte[] raw = new byte[0];
            int tag;
            while ((tag = unknown.readTag()) != 0) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1: {
                        CodedInputStream typeMeta = CodedInputStream.newInstance(unknown.readByteArray());
                        int t;
                        while ((t = typeMeta.readTag()) != 0) {
                            if (WireFormat.getTagFieldNumber(t) == 1) {
                                apiVersion = typeMeta.readString();
                            } else if (WireFormat.getTagFieldNumber(t) == 2) {
                                kind = typeMeta.readString();
                            } else {
                                typeMeta.skipField(t);
                            }
                        }
                        break;
                    }
                    case 2:
                        raw = unknown.readByteArray();
                        break;
                    default:
                        unknown.skipField(tag);
                }
            }
            ObjectNode object = JSON.createObjectNode();
            object.put("apiVersion", apiVersion);
            object.put("kind", kind);
            if (kind.equals("Secret")) {
                readSecretOrConfigMap(CodedInputStream.newInstance(raw), object, true);
            } else if (kind.equals("ConfigMap")) {
                readSecretOrConfigMap(CodedInputStream.newInstance(raw), object, false);
            } else {
                throw new IllegalArgumentException("the simulated API server reads protobuf only for Secret and ConfigMap, not " + kind);
            }
            return JSON.writeValueAsString(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readSecretOrConfigMap(CodedInputStream in, ObjectNode object, boolean secret) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1) {
                object.set("metadata", readObjectMeta(CodedInputStream.newInstance(in.readByteArray())));
            } else if (field == 2) {
                String[] entry = readMapEntry(in.readByteArray(), secret);
                data.put(entry[0], entry[1]);
            } else if (field == 3 && secret) {
                object.put("type", in.readString());
            } else if (field == 5 && secret || field == 4 && !secret) {
                object.put("immutable", in.readBool());
            } else {
                in.skipField(tag);
            }
        }
        object.set("data", data);
    }

    /** A map entry {1: key, 2: value}; Secret values are bytes and go to JSON as base64, as the API does. */
    private static String[] readMapEntry(byte[] bytes, boolean valueIsBytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String key = "";
        String value = "";
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                key = in.readString();
            } else if (WireFormat.getTagFieldNumber(tag) == 2) {
                byte[] v = in.readByteArray();
                value = valueIsBytes ? Base64.getEncoder().encodeToString(v) : new String(v, StandardCharsets.UTF_8);
            } else {
                in.skipField(tag);
            }
        }
        return new String[] {key, value};
    }

    private static ObjectNode readObjectMeta(CodedInputStream in) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        ObjectNode labels = JSON.createObjectNode();
        ObjectNode annotations = JSON.createObjectNode();
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1: meta.put("name", in.readString()); break;
                case 2: meta.put("generateName", in.readString()); break;
                case 3: meta.put("namespace", in.readString()); break;
                case 5: meta.put("uid", in.readString()); break;
                case 6: meta.put("resourceVersion", in.readString()); break;
                case 7: meta.put("generation", in.readInt64()); break;
                case 8: meta.put("creationTimestamp", readTime(in.readByteArray())); break;
                case 11: {
                    String[] e = readMapEntry(in.readByteArray(), false);
                    labels.put(e[0], e[1]);
                    break;
                }
                case 12: {
                    String[] e = readMapEntry(in.readByteArray(), false);
                    annotations.put(e[0], e[1]);
                    break;
                }
                default:
                    in.skipField(tag);
            }
        }
        if (!labels.isEmpty()) {
            meta.set("labels", labels);
        }
        if (!annotations.isEmpty()) {
            meta.set("annotations", annotations);
        }
        if (meta.path("resourceVersion").asText().isEmpty()) {
            meta.remove("resourceVersion");
        }
        return meta;
    }

    private static String readTime(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        long seconds = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                seconds = in.readInt64();
            } else {
                in.skipField(tag);
            }
        }
        return Instant.ofEpochSecond(seconds).toString();
    }
}
