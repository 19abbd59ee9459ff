// Prints how Hadoop's QuickSort and HeapSort order sequences with repeated keys, for tests/fixtures/hadoop-spill-sort.tsv.
import org.apache.hadoop.util.*;
import java.util.*;
public class HadoopSpillSort {
  static int[] keys; static int[] ids;
  static IndexedSortable s = new IndexedSortable() {
    public int compare(int i, int j) { return Integer.compare(keys[i], keys[j]); }
    public void swap(int i, int j) { int t = keys[i]; keys[i] = keys[j]; keys[j] = t; t = ids[i]; ids[i] = ids[j]; ids[j] = t; }
  };
  public static void main(String[] a) {
    Random r = new Random(42);
    int[][] shapes = {{5,3},{12,4},{13,4},{14,2},{40,5},{200,7},{500,20},{300,300}};
    for (String algo : new String[]{"quick","heap"}) {
      for (int[] sh : shapes) {
        int n = sh[0], distinct = sh[1];
        keys = new int[n]; ids = new int[n];
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < n; i++) { keys[i] = r.nextInt(distinct); ids[i] = i; in.append(i == 0 ? "" : " ").append(keys[i]); }
        if (algo.equals("quick")) new QuickSort().sort(s, 0, n); else new HeapSort().sort(s, 0, n);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append(i == 0 ? "" : " ").append(ids[i]);
        System.out.println(algo + "\t" + in + "\t" + out);
      }
    }
  }
}
