package io.rotation.matching.audio.model;

/** PATCH /api/v1/matches/{id}: an admin's verdict ({@code verified} or {@code rejected}) and why. */
public record ReviewDecision(String status, String reason) {
}
