package tvmm.kernel;

/**
 * The code of a component (console, timer, disk service). A fresh instance is made for every
 * incarnation, so a restart starts from clean state; the component's PD, its portals and the
 * capabilities it was given survive the restart.
 */
public interface Service {

    /**
     * The component's own activity, on its EC (e.g. read host input, then signal a semaphore).
     * Returning leaves the portals serving; throwing is a fault that restarts the component.
     * Blocking semaphore downs return ABORTED when the component is being stopped.
     */
    default void run(Component.Context ctx) throws Exception {
    }

    /**
     * Entry of the portals the component exported, on the caller's thread, with the portal's id.
     * Throwing is a fault: the caller gets ABORTED and the component restarts.
     */
    default void call(long id, Utcb utcb) throws Exception {
        throw new UnsupportedOperationException("no portal with id " + id);
    }
}
