package org.clearpath.domain.plan;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpath.domain.shared.InvalidInput;
import org.clearpath.domain.shared.Message;
import org.clearpath.domain.shared.Money;

/**
 * Splits an amount across creditors in proportion to their balances, exactly.
 *
 * <p><b>Rule (largest remainder):</b> each creditor first gets {@code amount × balance / total},
 * rounded down to the smallest unit. The units left over go one each to the creditors whose
 * rounded-off part was largest; on a tie, to the larger balance, then to the one listed first. The
 * shares add up to the amount; a creditor with a zero balance gets nothing.
 */
public final class ProRata {
  private ProRata() {}

  public static <K> Map<K, Money> split(Money amount, Map<K, Money> balances) {
    if (amount.isNegative()) {
      throw new InvalidInput(
          "amount",
          "the amount to split is never below zero",
          Message.of("refusal.the-amount-to-split-is-never-below"));
    }
    var keys = new ArrayList<>(balances.keySet());
    var total = BigInteger.ZERO;
    for (var key : keys) {
      var balance = balances.get(key);
      if (!balance.currency().equals(amount.currency())) {
        throw new InvalidInput(
            "amount",
            "balances and amount must be in one currency",
            Message.of("refusal.balances-and-amount-must-be-in-one"));
      }
      if (balance.isNegative()) {
        throw new InvalidInput(
            "balances",
            "a balance is never below zero",
            Message.of("refusal.a-balance-is-never-below-zero"));
      }
      total = total.add(BigInteger.valueOf(MinorUnits.of(balance)));
    }
    var result = new LinkedHashMap<K, Money>();
    if (total.signum() == 0) {
      if (MinorUnits.of(amount) != 0) {
        throw new InvalidInput(
            "balances",
            "nothing is owed to split the amount across",
            Message.of("refusal.nothing-is-owed-to-split-the-amount"));
      }
      keys.forEach(k -> result.put(k, Money.zero(amount.currency())));
      return result;
    }
    var units = BigInteger.valueOf(MinorUnits.of(amount));
    var shares = new long[keys.size()];
    var remainders = new BigInteger[keys.size()];
    long given = 0;
    for (int i = 0; i < keys.size(); i++) {
      var weighted = units.multiply(BigInteger.valueOf(MinorUnits.of(balances.get(keys.get(i)))));
      var division = weighted.divideAndRemainder(total);
      shares[i] = division[0].longValueExact();
      remainders[i] = division[1];
      given += shares[i];
    }
    var left = units.longValueExact() - given;
    var order = new ArrayList<Integer>();
    for (int i = 0; i < keys.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer, BigInteger>comparing(i -> remainders[i])
            .reversed()
            .thenComparing(i -> MinorUnits.of(balances.get(keys.get(i))), Comparator.reverseOrder())
            .thenComparing(i -> i));
    for (int j = 0; j < left; j++) {
      shares[order.get(j)]++;
    }
    for (int i = 0; i < keys.size(); i++) {
      result.put(keys.get(i), MinorUnits.money(shares[i], amount.currency()));
    }
    return result;
  }

  /** The same split for a list of balances, in their order. */
  public static List<Money> split(Money amount, List<Money> balances) {
    var keyed = new LinkedHashMap<Integer, Money>();
    for (int i = 0; i < balances.size(); i++) {
      keyed.put(i, balances.get(i));
    }
    return List.copyOf(split(amount, keyed).values());
  }
}
