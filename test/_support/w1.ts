/** W1's stated drivers (worked-cases.md): 600 × 25% × 8,000 + 1,500 × 40% × 6,000 = 4,800,000. */
export const w1 = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};
