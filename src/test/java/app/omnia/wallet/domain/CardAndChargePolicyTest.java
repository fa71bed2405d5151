package app.omnia.wallet.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardAndChargePolicyTest {

    @Test
    void aCardIsItsOwnersAlone() {
        assertThat(CardPolicy.canUse(1, 1)).isTrue();
        assertThat(CardPolicy.canUse(2, 1)).isFalse();
    }

    @Test
    void payerDecidesMerchantRefundsBothSeeNobodyElseDoes() {
        long payer = 1;
        long merchant = 2;
        assertThat(ChargePolicy.canSee(payer, payer, merchant)).isTrue();
        assertThat(ChargePolicy.canSee(merchant, payer, merchant)).isTrue();
        assertThat(ChargePolicy.canSee(3, payer, merchant)).isFalse();
        assertThat(ChargePolicy.canDecide(payer, payer)).isTrue();
        assertThat(ChargePolicy.canDecide(merchant, payer)).isFalse();
        assertThat(ChargePolicy.canRefund(merchant, merchant)).isTrue();
        assertThat(ChargePolicy.canRefund(payer, merchant)).isFalse();
    }

    @Test
    void staffFreezeAdminsManageMerchants() {
        assertThat(WalletStaffPolicy.canFreeze(true)).isTrue();
        assertThat(WalletStaffPolicy.canFreeze(false)).isFalse();
        assertThat(WalletStaffPolicy.canManageMerchants(true)).isTrue();
        assertThat(WalletStaffPolicy.canManageMerchants(false)).isFalse();
    }

    @Test
    void minorsGetMinorCapsWhateverTheirVerification() {
        assertThat(SpendingTier.of(true, false)).isEqualTo(SpendingTier.MINOR);
        assertThat(SpendingTier.of(false, true)).isEqualTo(SpendingTier.VERIFIED);
        assertThat(SpendingTier.of(false, false)).isEqualTo(SpendingTier.UNVERIFIED);
    }
}
