package tvmm.cpu.difftest;

/** Runs difftest from the test class path during development: args seed count isa. */
public final class DifftestMain {
    private DifftestMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        long count = Long.parseLong(args[1]);
        String isa = args.length > 2 ? args[2] : "all";
        int max = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        new Difftest(seed, count, isa, 1, System.out, max).run();
    }
}
