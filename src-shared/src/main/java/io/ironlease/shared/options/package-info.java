/**
 * DHCPv4 options: one data table of ISC dhcpd 4.4's spaces, names, codes and formats
 * ({@link io.ironlease.shared.options.OptionRegistry#standard()}), typed values with their wire codec
 * and dhcpd.conf text. The config parser and the DHCP server both use it, so a name always means the
 * same code and encoding.
 */
package io.ironlease.shared.options;
