package dev.baton.aws.simulator.protocol;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The awsQuery wire format of replies: {@code <XResponse><XResult>…</XResult><ResponseMetadata>} and errors. */
public final class QueryProtocol {
    private QueryProtocol() {}

    /**
     * Writes {@code <ActionResponse xmlns=…>[<ActionResult>result</ActionResult>]<ResponseMetadata>…}. A null
     * {@code result} leaves the Result element out, as AWS does for actions without output (e.g. DeleteUser).
     */
    public static void writeResponse(
            HttpExchange exchange, String action, String namespace, String result, String requestId)
            throws IOException {
        StringBuilder body = new StringBuilder(256 + (result == null ? 0 : result.length()));
        body.append('<')
                .append(action)
                .append("Response xmlns=\"")
                .append(XmlWriter.escape(namespace))
                .append("\">");
        if (result != null) {
            body.append('<')
                    .append(action)
                    .append("Result>")
                    .append(result)
                    .append("</")
                    .append(action)
                    .append("Result>");
        }
        body.append("<ResponseMetadata><RequestId>")
                .append(XmlWriter.escape(requestId))
                .append("</RequestId></ResponseMetadata></")
                .append(action)
                .append("Response>");
        send(exchange, 200, body.toString());
    }

    /** {@code <ErrorResponse><Error><Type>…<Code>…<Message>…</Error><RequestId>…}, the shape the SDK parses. */
    public static void writeError(
            HttpExchange exchange,
            int status,
            String type,
            String code,
            String message,
            String requestId,
            String namespace)
            throws IOException {
        XmlWriter xml = new XmlWriter()
                .startWithNamespace("ErrorResponse", namespace)
                .start("Error")
                .element("Type", type)
                .element("Code", code)
                .element("Message", message)
                .end()
                .element("RequestId", requestId)
                .end();
        send(exchange, status, xml.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        ReplyTransport.send(exchange, status, bytes);
    }
}
