package tvmm.cpu;

import com.oracle.truffle.api.TruffleLanguage;

/** Per-machine state of the CPU language: what every vCPU of one guest shares. */
public final class CpuContext {
    private final X86Language language;
    private final TruffleLanguage.Env env;

    CpuContext(X86Language language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
    }

    public X86Language language() {
        return language;
    }

    public TruffleLanguage.Env env() {
        return env;
    }
}
