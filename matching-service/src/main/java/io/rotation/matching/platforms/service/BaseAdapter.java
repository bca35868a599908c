package io.rotation.matching.platforms.service;

import io.rotation.matching.audio.model.AudioPlatform;

/** What every adapter shares: its platform and its {@link AdapterState} (off, and why, when {@code offBecause} is set). */
public abstract class BaseAdapter implements PlatformAdapter {

    protected final AdapterState state;
    private final AudioPlatform platform;

    protected BaseAdapter(AudioPlatform platform, String offBecause) {
        this.platform = platform;
        this.state = AdapterState.of(platform, offBecause);
    }

    @Override
    public AudioPlatform platform() {
        return platform;
    }

    @Override
    public boolean enabled() {
        return state.enabled();
    }

    @Override
    public AdapterState state() {
        return state;
    }
}
