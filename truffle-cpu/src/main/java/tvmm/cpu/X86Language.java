package tvmm.cpu;

import com.oracle.truffle.api.TruffleLanguage;

/**
 * The x86-64 guest CPU as a Truffle language. The VMM creates one polyglot context per
 * virtual machine; guest code is decoded into translation units whose nodes the Graal
 * compiler partially evaluates into host machine code (DESIGN.md §3).
 */
@TruffleLanguage.Registration(
        id = X86Language.ID,
        name = "x86-64 CPU",
        version = "0.1",
        contextPolicy = TruffleLanguage.ContextPolicy.SHARED)
public final class X86Language extends TruffleLanguage<CpuContext> {

    /** The language id under which the VMM reaches the CPU through the polyglot API. */
    public static final String ID = "x86";

    private static final LanguageReference<X86Language> REFERENCE = LanguageReference.create(X86Language.class);

    public static X86Language get(com.oracle.truffle.api.nodes.Node node) {
        return REFERENCE.get(node);
    }

    @Override
    protected CpuContext createContext(Env env) {
        return new CpuContext(this, env);
    }

    @Override
    protected boolean isThreadAccessAllowed(Thread thread, boolean singleThreaded) {
        // One host thread per vCPU runs guest code in the same context (DESIGN.md §4).
        return true;
    }
}
