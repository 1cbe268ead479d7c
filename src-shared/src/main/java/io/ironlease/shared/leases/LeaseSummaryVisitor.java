package io.ironlease.shared.leases;

/** Receives each lease record of the fast path; the summary is reused, valid only during the call. */
@FunctionalInterface
public interface LeaseSummaryVisitor {
    void lease(LeaseSummary summary);
}
