package dev.baton.aws.simulator.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes an AWS Signature Version 4 from a request and a secret key and compares it with the one sent in the
 * {@code Authorization} header: canonical request (method, path, sorted query, the signed headers, the payload
 * hash), string to sign with the {@code X-Amz-Date} (or {@code Date}) header and the credential scope, and the
 * signing key derived from the scope's own date, region and service, so a client signing IAM for
 * {@code us-east-1} or any other region is checked with the key for that region. A sent
 * {@code x-amz-content-sha256} must be the body's hash (or {@code UNSIGNED-PAYLOAD}).
 */
public final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)\\s*");
    private static final String UNSIGNED = "UNSIGNED-PAYLOAD";

    /** What the client sent, as it arrived: header names in any case, values as received. */
    public record SignedRequest(
            String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {}

    private SigV4Verifier() {}

    /** True when the request carries a well-formed SigV4 header whose signature matches {@code secretKey}. */
    public static boolean verify(SignedRequest request, String secretKey) {
        Optional<String> authorization = header(request.headers(), "authorization");
        if (authorization.isEmpty()) {
            return false;
        }
        Matcher auth = AUTHORIZATION.matcher(authorization.get());
        if (!auth.matches()) {
            return false;
        }
        String date = auth.group(2);
        String region = auth.group(3);
        String service = auth.group(4);
        List<String> signedHeaders =
                List.of(auth.group(5).toLowerCase(Locale.ROOT).split(";"));
        Optional<String> amzDate = header(request.headers(), "x-amz-date").or(() -> header(request.headers(), "date"));
        if (amzDate.isEmpty()) {
            return false;
        }
        String bodyHash = HexFormat.of().formatHex(sha256(request.body()));
        Optional<String> sentHash = header(request.headers(), "x-amz-content-sha256");
        if (sentHash.isPresent()
                && !sentHash.get().equals(UNSIGNED)
                && !sentHash.get().equalsIgnoreCase(bodyHash)) {
            return false;
        }
        String payloadHash = sentHash.filter(UNSIGNED::equals).orElse(bodyHash);
        String canonical = request.method() + "\n" + canonicalPath(request.rawPath()) + "\n"
                + canonicalQuery(request.rawQuery()) + "\n" + canonicalHeaders(request.headers(), signedHeaders)
                + "\n" + String.join(";", signedHeaders) + "\n" + payloadHash;
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate.get() + "\n" + scope + "\n"
                + HexFormat.of().formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        byte[] expected = hmac(key, stringToSign);
        return MessageDigest.isEqual(
                expected, HexFormat.of().parseHex(auth.group(6).toLowerCase(Locale.ROOT)));
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    /** Each path segment URI-encoded again, as the SDK does for every service but S3. */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encode(segments[i]));
        }
        return out.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            pairs.add(new String[] {encode(name), encode(value)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = pairs.stream().map(p -> p[0] + "=" + p[1]).toList();
        return String.join("&", joined);
    }

    private static String canonicalHeaders(Map<String, List<String>> headers, List<String> signed) {
        Map<String, List<String>> byName = new TreeMap<>();
        headers.forEach(
                (name, values) -> byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                        .addAll(values));
        StringBuilder out = new StringBuilder();
        for (String name : signed) {
            List<String> values = byName.getOrDefault(name, List.of());
            out.append(name)
                    .append(':')
                    .append(String.join(
                            ",",
                            values.stream()
                                    .map(v -> v.strip().replaceAll(" +", " "))
                                    .toList()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding: unreserved characters stay, everything else is %XX in upper case. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
