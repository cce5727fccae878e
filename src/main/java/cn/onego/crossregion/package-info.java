/**
 * Cross-region handling between platforms (跨域通办, "between platforms"): the transport that carries a message from
 * this OneGo instance to another province's instance (or any system speaking the same protocol,
 * docs/FEDERATION.md). It owns the partners known by their SM2 public keys ({@link cn.onego.crossregion.Federation},
 * which also says which instance serves a region), the outbox of messages to them, sent signed with retries and
 * never given up ({@link cn.onego.crossregion.FederationOutbox}), and the inbox that admits a signed, fresh, unseen
 * request once and hands it to the module that registered a {@link cn.onego.crossregion.FederationHandler} for its
 * kind. It publishes {@link cn.onego.crossregion.OutgoingMessageDelivered} when a partner took a message. What the
 * messages mean (a case forwarded, its result reported back) is the business of the modules that send and handle
 * them; this module knows no case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cross-region", allowedDependencies = { "shared", "platform" })
package cn.onego.crossregion;
