package cn.onego.platform;

/**
 * Cases were written in bulk beside the case flow (a demo's generated history, COPYed into the tables at once): what
 * is counted from the cases themselves rather than from the facts their transitions record — the measured figures'
 * daily snapshot — should be counted again now rather than at its next time.
 *
 * @param cases how many cases were written
 */
public record CasesLoaded(int cases) {
}
