package tvmm.decode;

final class VexMap {
    private VexMap() {
    }

    static void build(Entry[][] maps) {
    }
}
