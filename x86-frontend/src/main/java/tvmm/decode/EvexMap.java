package tvmm.decode;

final class EvexMap {
    private EvexMap() {
    }

    static void build(Entry[][] maps) {
    }
}
