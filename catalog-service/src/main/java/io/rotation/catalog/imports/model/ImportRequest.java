package io.rotation.catalog.imports.model;

/** Body of POST /api/v1/imports: a releases dump ({@code .xml} or {@code .xml.gz}) on the server's disk. */
public record ImportRequest(String path) {
}
