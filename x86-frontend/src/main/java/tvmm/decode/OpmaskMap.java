package tvmm.decode;

/**
 * The VEX-encoded opmask instructions of AVX-512 (KMOV, KAND, KOR, KXOR, KNOT, KORTEST,
 * KTEST, KUNPCK, KSHIFT, KADD; SDM Vol. 2 "Kxxx" pages): W and VEX.pp select the mask
 * width (B/W/D/Q).
 */
final class OpmaskMap {
    private OpmaskMap() {
    }

    /** Adds the opmask instructions to the VEX maps 0F and 0F3A. */
    static void build(Entry[][] vex) {
        TableBuilder.addAll(vex[1], MASK_0F);
        TableBuilder.addAll(vex[3], MASK_0F3A);
    }

    private static final String MASK_0F = """
        41 L1 NP W0 KANDW KR,KH,KU
        41 L1 NP W1 KANDQ KR,KH,KU
        41 L1 66 W0 KANDB KR,KH,KU
        41 L1 66 W1 KANDD KR,KH,KU
        42 L1 NP W0 KANDNW KR,KH,KU
        42 L1 NP W1 KANDNQ KR,KH,KU
        42 L1 66 W0 KANDNB KR,KH,KU
        42 L1 66 W1 KANDND KR,KH,KU
        45 L1 NP W0 KORW KR,KH,KU
        45 L1 NP W1 KORQ KR,KH,KU
        45 L1 66 W0 KORB KR,KH,KU
        45 L1 66 W1 KORD KR,KH,KU
        46 L1 NP W0 KXNORW KR,KH,KU
        46 L1 NP W1 KXNORQ KR,KH,KU
        46 L1 66 W0 KXNORB KR,KH,KU
        46 L1 66 W1 KXNORD KR,KH,KU
        47 L1 NP W0 KXORW KR,KH,KU
        47 L1 NP W1 KXORQ KR,KH,KU
        47 L1 66 W0 KXORB KR,KH,KU
        47 L1 66 W1 KXORD KR,KH,KU
        4A L1 NP W0 KADDW KR,KH,KU
        4A L1 NP W1 KADDQ KR,KH,KU
        4A L1 66 W0 KADDB KR,KH,KU
        4A L1 66 W1 KADDD KR,KH,KU
        44 L0 NP W0 KNOTW KR,KU
        44 L0 NP W1 KNOTQ KR,KU
        44 L0 66 W0 KNOTB KR,KU
        44 L0 66 W1 KNOTD KR,KU
        98 L0 NP W0 KORTESTW KR,KU
        98 L0 NP W1 KORTESTQ KR,KU
        98 L0 66 W0 KORTESTB KR,KU
        98 L0 66 W1 KORTESTD KR,KU
        99 L0 NP W0 KTESTW KR,KU
        99 L0 NP W1 KTESTQ KR,KU
        99 L0 66 W0 KTESTB KR,KU
        99 L0 66 W1 KTESTD KR,KU
        4B L1 66 W0 KUNPCKBW KR,KH,KU
        4B L1 NP W0 KUNPCKWD KR,KH,KU
        4B L1 NP W1 KUNPCKDQ KR,KH,KU
        90 L0 NP W0 KMOVW KR,KMw
        90 L0 NP W1 KMOVQ KR,KMq
        90 L0 66 W0 KMOVB KR,KMb
        90 L0 66 W1 KMOVD KR,KMd
        91 L0 mem NP W0 KMOVW Mw,KR
        91 L0 mem NP W1 KMOVQ Mq,KR
        91 L0 mem 66 W0 KMOVB Mb,KR
        91 L0 mem 66 W1 KMOVD Md,KR
        92 L0 reg NP W0 KMOVW KR,Rd
        92 L0 reg 66 W0 KMOVB KR,Rd
        92 L0 reg F2 W0 KMOVD KR,Rd
        92 L0 reg F2 W1 KMOVQ KR,Rq
        93 L0 reg NP W0 KMOVW Gd,KU
        93 L0 reg 66 W0 KMOVB Gd,KU
        93 L0 reg F2 W0 KMOVD Gd,KU
        93 L0 reg F2 W1 KMOVQ Gq,KU
        """;

    private static final String MASK_0F3A = """
        30 L0 66 W0 KSHIFTRB KR,KU,uIb
        30 L0 66 W1 KSHIFTRW KR,KU,uIb
        31 L0 66 W0 KSHIFTRD KR,KU,uIb
        31 L0 66 W1 KSHIFTRQ KR,KU,uIb
        32 L0 66 W0 KSHIFTLB KR,KU,uIb
        32 L0 66 W1 KSHIFTLW KR,KU,uIb
        33 L0 66 W0 KSHIFTLD KR,KU,uIb
        33 L0 66 W1 KSHIFTLQ KR,KU,uIb
        """;
}
