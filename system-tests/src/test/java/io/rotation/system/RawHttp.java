package io.rotation.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * HTTP/1.1 written to the socket as bytes, one connection per request: what HTTP clients refuse to
 * send (broken escapes, raw bytes, odd methods) reaches the gateway as it is.
 */
final class RawHttp {

    private RawHttp() {
    }

    record Response(int status, String head, byte[] body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return Arrays.stream(head.split("\r\n")).filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String raw() {
            String text = bodyText();
            return head + "\r\n\r\n" + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
        }
    }

    /** Request line and headers (without the final blank line), then the body. */
    static Response send(URI to, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(to.getHost(), to.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // the gateway may answer and close before it has read everything
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16384];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // a reset after the answer: keep what arrived
            }
            byte[] bytes = received.toByteArray();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            if (split < 0) {
                throw new IOException("no complete response to " + head.lines().findFirst().orElse("")
                        + ": " + text);
            }
            String responseHead = text.substring(0, split);
            int status = Integer.parseInt(responseHead.split(" ")[1]);
            byte[] responseBody = Arrays.copyOfRange(bytes, split + 4, bytes.length);
            if ("chunked".equalsIgnoreCase(headerOf(responseHead, "transfer-encoding"))) {
                responseBody = dechunk(responseBody);
            }
            return new Response(status, responseHead, responseBody);
        }
    }

    /** A request as a client app sends it: Host and Connection: close added. */
    static Response send(URI to, String method, String target, String[] headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(to.getHost()).append("\r\nConnection: close");
        for (String header : headers) {
            head.append("\r\n").append(header);
        }
        if (body != null) {
            head.append("\r\nContent-Length: ").append(body.length);
        }
        return send(to, head.toString(), body);
    }

    private static String headerOf(String head, String name) {
        return new Response(0, head, new byte[0]).header(name);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(length, chunked.length - start));
            at = start + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
