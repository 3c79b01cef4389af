package tvmm.decode;

import tvmm.decode.tools.RandomComparison;

/** Development entry: RandomMain BITS COUNT [keep]. */
final class RandomMain {
    public static void main(String[] args) {
        int bits = Integer.parseInt(args[0]);
        RandomComparison c = new RandomComparison(args.length > 2 ? Integer.parseInt(args[2]) : 40);
        try (CapstoneReference ref = new CapstoneReference(bits)) {
            c.run(Long.parseLong(args[1]), bits, 1, ref, args.length > 3);
        }
        c.disagreements.forEach(System.out::println);
        System.out.println(c.summary());
    }
}
