namespace ParkCycle.Domain.Units;

/// <summary>
/// Specific enthalpy of steam from pressure and temperature by the IAPWS Industrial Formulation 1997
/// (IAPWS R7-97(2012), Revised Release on the IAPWS-IF97): region 4 (saturation line, Eq. 31) and region 2
/// (vapour, Eqs. 15–17, Tables 10 and 11). Enthalpy is relative to the IF97 reference (liquid water at the
/// triple point). Covered: 0.001–10 MPa, from saturation up to 800 °C, which holds all industrial steam mains.
/// </summary>
public static class SteamTable
{
    private const double R = 0.461526; // kJ/(kg·K), IF97 Eq. 1

    /// <summary>The lowest pressure the table covers, in MPa.</summary>
    public const decimal MinPressureMpa = 0.001m;

    /// <summary>The highest pressure the table covers, in MPa (region 2 holds for every temperature up to 800 °C below 10 MPa).</summary>
    public const decimal MaxPressureMpa = 10m;

    /// <summary>The highest temperature the table covers, in °C.</summary>
    public const decimal MaxTemperatureC = 800m;

    private static readonly double[] N4 =
    [
        0, 0.11670521452767E+04, -0.72421316703206E+06, -0.17073846940092E+02, 0.12020824702470E+05,
        -0.32325550322333E+07, 0.14915108613530E+02, -0.48232657361591E+04, 0.40511340542057E+06,
        -0.23855557567849E+00, 0.65017534844798E+03,
    ];

    private static readonly int[] J0 = [0, 1, -5, -4, -3, -2, -1, 2, 3];

    private static readonly double[] N0 =
    [
        -0.96927686500217E+01, 0.10086655968018E+02, -0.56087911283020E-02, 0.71452738081455E-01,
        -0.40710498223928E+00, 0.14240819171444E+01, -0.43839511319450E+01, -0.28408632460772E+00, 0.21268463753307E-01,
    ];

    private static readonly int[] Ir =
    [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 6, 6, 6, 7, 7, 7, 8, 8, 9, 10, 10, 10,
        16, 16, 18, 20, 20, 20, 21, 22, 23, 24, 24, 24,
    ];

    private static readonly int[] Jr =
    [
        0, 1, 2, 3, 6, 1, 2, 4, 7, 36, 0, 1, 3, 6, 35, 1, 2, 3, 7, 3, 16, 35, 0, 11, 25, 8, 36, 13, 4, 10, 14,
        29, 50, 57, 20, 35, 48, 21, 53, 39, 26, 40, 58,
    ];

    private static readonly double[] Nr =
    [
        -0.17731742473213E-02, -0.17834862292358E-01, -0.45996013696365E-01, -0.57581259083432E-01, -0.50325278727930E-01,
        -0.33032641670203E-04, -0.18948987516315E-03, -0.39392777243355E-02, -0.43797295650573E-01, -0.26674547914087E-04,
        0.20481737692309E-07, 0.43870667284435E-06, -0.32277677238570E-04, -0.15033924542148E-02, -0.40668253562649E-01,
        -0.78847309559367E-09, 0.12790717852285E-07, 0.48225372718507E-06, 0.22922076337661E-05, -0.16714766451061E-10,
        -0.21171472321355E-02, -0.23895741934104E+02, -0.59059564324270E-17, -0.12621808899101E-05, -0.38946842435739E-01,
        0.11256211360459E-10, -0.82311340897998E+01, 0.19809712802088E-07, 0.10406965210174E-18, -0.10234747095929E-12,
        -0.10018179379511E-08, -0.80882908646985E-10, 0.10693031879409E+00, -0.33662250574171E+00, 0.89185845355421E-24,
        0.30629316876232E-12, -0.42002467698208E-05, -0.59056029685639E-25, 0.37826947613457E-05, -0.12768608934681E-14,
        0.73087610595061E-28, 0.55414715350778E-16, -0.94369707241210E-06,
    ];

    /// <summary>Saturation pressure at a temperature (IF97 Eq. 30), in MPa; null above the critical point (373.946 °C).</summary>
    public static decimal? SaturationPressureMpa(decimal temperatureC)
    {
        var t = (double)temperatureC + 273.15;
        if (t < 273.15 || t > 647.096)
        {
            return null;
        }

        var theta = t + (N4[9] / (t - N4[10]));
        var a = (theta * theta) + (N4[1] * theta) + N4[2];
        var b = (N4[3] * theta * theta) + (N4[4] * theta) + N4[5];
        var c = (N4[6] * theta * theta) + (N4[7] * theta) + N4[8];
        return Math.Round((decimal)Math.Pow(2 * c / (-b + Math.Sqrt((b * b) - (4 * a * c))), 4), 6);
    }

    /// <summary>Saturation temperature at a pressure (IF97 Eq. 31), in °C.</summary>
    public static decimal SaturationTemperatureC(decimal pressureMpa) => (decimal)(SaturationKelvin((double)pressureMpa) - 273.15);

    /// <summary>
    /// Specific enthalpy of steam at <paramref name="pressureMpa"/> and <paramref name="temperatureC"/>, in GJ/t
    /// (= MJ/kg), rounded to 6 decimals; null with <paramref name="reason"/> when the state is outside the table
    /// or is liquid water (below the saturation temperature).
    /// </summary>
    public static decimal? EnthalpyGjPerT(decimal pressureMpa, decimal temperatureC, out string? reason)
    {
        reason = null;
        if (pressureMpa < MinPressureMpa || pressureMpa > MaxPressureMpa)
        {
            reason = $"pressure {pressureMpa} MPa is outside the steam table's {MinPressureMpa}–{MaxPressureMpa} MPa";
            return null;
        }

        if (temperatureC > MaxTemperatureC)
        {
            reason = $"temperature {temperatureC} °C is above the steam table's {MaxTemperatureC} °C";
            return null;
        }

        var tsat = SaturationKelvin((double)pressureMpa);
        var t = (double)temperatureC + 273.15;
        // Saturated steam is often written with its temperature rounded down; half a degree is allowed.
        if (t < tsat - 0.5)
        {
            reason = $"{temperatureC} °C is below the saturation temperature {tsat - 273.15:0.#} °C at {pressureMpa} MPa (that is liquid water, not steam)";
            return null;
        }

        return Math.Round((decimal)Region2Enthalpy(Math.Max(t, tsat), (double)pressureMpa) / 1000m, 6);
    }

    private static double SaturationKelvin(double p)
    {
        var beta = Math.Pow(p, 0.25);
        var e = (beta * beta) + (N4[3] * beta) + N4[6];
        var f = (N4[1] * beta * beta) + (N4[4] * beta) + N4[7];
        var g = (N4[2] * beta * beta) + (N4[5] * beta) + N4[8];
        var d = 2 * g / (-f - Math.Sqrt((f * f) - (4 * e * g)));
        return (N4[10] + d - Math.Sqrt(((N4[10] + d) * (N4[10] + d)) - (4 * (N4[9] + (N4[10] * d))))) / 2;
    }

    /// <summary>h = R·T·τ·(γ°τ + γʳτ), τ = 540 K / T, π = p / 1 MPa; in kJ/kg.</summary>
    internal static double Region2Enthalpy(double kelvin, double pressureMpa)
    {
        var tau = 540.0 / kelvin;
        var pi = pressureMpa;
        double ideal = 0;
        for (var k = 0; k < N0.Length; k++)
        {
            ideal += N0[k] * J0[k] * Math.Pow(tau, J0[k] - 1);
        }

        double residual = 0;
        for (var k = 0; k < Nr.Length; k++)
        {
            residual += Nr[k] * Math.Pow(pi, Ir[k]) * Jr[k] * Math.Pow(tau - 0.5, Jr[k] - 1);
        }

        return R * kelvin * tau * (ideal + residual);
    }
}
