// Address details as counter staff type them: now and then a building and unit after an ASCII comma,
// or a landmark in quotes, so that exported addresses exercise CSV quoting.
import { Random } from './random.js';

const landmarks = ['老供销社', '村委会', '信用社', '粮站', '卫生院'];

/**
 * The address with a detail for about one customer in 30. Draws from its own stream per customer, so
 * the generator's other fields are the same with or without details.
 */
export function addressWithDetail(address: string, urban: boolean, seed: number, index: number): string {
  const random = new Random(((seed ^ 0x0add_e55) * 2_654_435_761 + index * 40_503 + 17) >>> 0);
  const roll = random.next();
  if (roll < 0.03) {
    return urban
      ? `${address}, ${random.int(1, 30)}栋${random.int(1, 6)}单元${random.int(1, 18)}0${random.int(1, 4)}室`
      : `${address}, ${random.int(1, 12)}组`;
  }
  if (roll < 0.035) return `${address}（"${random.pick(landmarks)}"旁）`;
  return address;
}
