// Runs Weka's FPGrowth on an ARFF file of binary item attributes and prints every frequent itemset and
// rule it found with their counts, which Weka's own output does not list: the bench compares them with
// BranchLoop's. Arguments: ARFF file, minimum support (fraction), minimum confidence, maximum itemset
// length (-1 for none). Prints "seconds", "baskets", then "itemset<TAB>count<TAB>items" and
// "rule<TAB>count<TAB>antecedent count<TAB>consequent count<TAB>antecedent<TAB>consequent" lines,
// items separated by commas.
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.StringJoiner;
import weka.associations.FPGrowth;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

public class WekaFrequentItemsets extends FPGrowth {
  private static String names(Collection<FPGrowth.BinaryItem> items) {
    StringJoiner joined = new StringJoiner(",");
    for (FPGrowth.BinaryItem item : items) joined.add(item.getAttribute().name());
    return joined.toString();
  }

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception e) {
      System.err.println("weka: " + e);
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Instances data = DataSource.read(args[0]);
    WekaFrequentItemsets miner = new WekaFrequentItemsets();
    // -S: every rule at the lower bound of support, no iterative lowering; -N: no cap on the rules.
    miner.setOptions(new String[] {"-S", "-M", args[1], "-U", "1.0", "-C", args[2], "-N", "2000000000", "-I", args[3]});
    long started = System.nanoTime();
    miner.buildAssociations(data);
    double seconds = (System.nanoTime() - started) / 1e9;
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    out.write("seconds\t" + seconds + "\n");
    out.write("baskets\t" + data.numInstances() + "\n");
    for (int i = 0; i < miner.m_largeItemSets.size(); i++) {
      FPGrowth.FrequentBinaryItemSet set = miner.m_largeItemSets.getItemSet(i);
      out.write("itemset\t" + set.getSupport() + "\t" + names(set.getItems()) + "\n");
    }
    for (FPGrowth.AssociationRule rule : miner.getAssociationRules()) {
      out.write("rule\t" + rule.getTotalSupport() + "\t" + rule.getPremiseSupport() + "\t" + rule.getConsequenceSupport()
          + "\t" + names(rule.getPremise()) + "\t" + names(rule.getConsequence()) + "\n");
    }
    out.flush();
  }
}
